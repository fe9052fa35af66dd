/** {@code fga data ...} and the data benchmarks: writing synthetic layouts, checking datasets. */
package org.fga.bench.cli.data;
