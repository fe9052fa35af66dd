/** {@code fga bench gain}: GAIN's training-step time against the baseline's. */
package org.fga.bench.cli.gain;
