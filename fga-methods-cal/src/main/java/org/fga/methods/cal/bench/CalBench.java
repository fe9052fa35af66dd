package org.fga.methods.cal.bench;

import java.util.concurrent.Callable;
import org.fga.core.bench.BenchProvider;

/** Registers {@code fga bench cal}. */
public final class CalBench implements BenchProvider {
  @Override
  public String name() {
    return "cal";
  }

  @Override
  public String description() {
    return "CAL / WS-DAN train-step time vs baseline (target: cal <= 3.2x baseline).";
  }

  @Override
  public Callable<Integer> newCommand() {
    return new BenchCalCommand();
  }
}
