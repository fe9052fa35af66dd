package org.fga.methods.rfga.bench;

import java.util.concurrent.Callable;
import org.fga.core.bench.BenchProvider;

/** Registers {@code fga bench rfga}. */
public final class RfgaBench implements BenchProvider {
  @Override
  public String name() {
    return "rfga";
  }

  @Override
  public String description() {
    return "Step time of rfga vs cam (target: ratio <= 1.15).";
  }

  @Override
  public Callable<Integer> newCommand() {
    return new BenchRfgaCommand();
  }
}
