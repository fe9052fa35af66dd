/** Benchmarks of the core machinery: trainer overhead against a bare DJL loop, memory over steps. */
package org.fga.bench.perf;
