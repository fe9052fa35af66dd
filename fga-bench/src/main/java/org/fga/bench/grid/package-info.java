/** Experiment grids: specs × seeds, trained or reused, aggregated into tables with statistics. */
package org.fga.bench.grid;
