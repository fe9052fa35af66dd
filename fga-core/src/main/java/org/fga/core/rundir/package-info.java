/**
 * The run directory ({@code runs/<name>/}): where its files live and how they are written
 * (atomically). Below {@code train}, {@code evaluate} and {@code run}, which all write there, so
 * none of them depends on another through it.
 */
package org.fga.core.rundir;
