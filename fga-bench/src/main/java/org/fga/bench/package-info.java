/** The fga command line, experiment grids, paper tables and benchmarks. */
package org.fga.bench;
