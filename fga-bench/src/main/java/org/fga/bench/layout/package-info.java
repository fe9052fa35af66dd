/** Writers that put the synthetic data on disk in the layouts real benchmarks ship with. */
package org.fga.bench.layout;
