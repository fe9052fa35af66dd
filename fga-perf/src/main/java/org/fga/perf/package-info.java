/**
 * The timing kit of {@code fga bench}: training steps of any spec timed through the fga trainer
 * ({@link org.fga.perf.StepTimer}, and {@link org.fga.perf.InterleavedStepTimer} for two specs whose
 * steps alternate), thread CPU clocks, medians, and the {@code noise} dataset that keeps disks and
 * decoders out of a step's time. A method module's benchmark ({@link org.fga.core.bench.BenchProvider})
 * depends on this module, not on the command line.
 */
package org.fga.perf;
