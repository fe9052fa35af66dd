/**
 * The built-in synthetic fine-grained data: generator, dataset plugin and on-disk layout writers.
 */
package org.fga.core.data.synthetic;
