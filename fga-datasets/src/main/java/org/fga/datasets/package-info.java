/** Readers for the benchmark datasets in the layouts they ship with, and what they share. */
package org.fga.datasets;
