/**
 * The plugin module that registers the synthetic data and every built-in dataset reader. It sits
 * above the readers' packages, which share {@code org.fga.datasets}' base classes, so none of them
 * depends back on the list of all of them.
 */
package org.fga.datasets.builtin;
