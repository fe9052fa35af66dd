/**
 * The linear probe: a linear classifier trained on the frozen features of a trained method (the
 * standard evaluation of self-supervised representations), run after the main phase by {@code fga
 * train} or on its own from a run directory by {@code fga probe}.
 */
package org.fga.core.probe;
