package org.fga.methods.gain.bench;

import java.util.concurrent.Callable;
import org.fga.core.bench.BenchProvider;

/** Registers {@code fga bench gain}. */
public final class GainBench implements BenchProvider {
  @Override
  public String name() {
    return "gain";
  }

  @Override
  public String description() {
    return "GAIN step time vs the baseline step on the same backbone and batch (target <= 2.5x).";
  }

  @Override
  public Callable<Integer> newCommand() {
    return new BenchGainCommand();
  }
}
