/** Runs a trained method over a split, collects its outputs and scores them with metric plugins. */
package org.fga.core.evaluate;
