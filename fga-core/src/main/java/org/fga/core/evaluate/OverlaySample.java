package org.fga.core.evaluate;

import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.data.Sample;

/**
 * One image kept during evaluation for its overlay: the sample exactly as the method saw it (after
 * the test pipeline, before normalisation) and the regions the method chose for it
 * ({@link org.fga.core.method.Method#regions}; empty when it chooses none).
 */
record OverlaySample(Sample sample, List<Box> chosen) {}
