package org.fga.methods.coarse2fine.bench;

import java.util.concurrent.Callable;
import org.fga.core.bench.BenchProvider;

/** Registers {@code fga bench coarse2fine}. */
public final class Coarse2FineBench implements BenchProvider {
  @Override
  public String name() {
    return "coarse2fine";
  }

  @Override
  public String description() {
    return "Coarse2Fine stage-1 and stage-2 train-step time vs baseline.";
  }

  @Override
  public Callable<Integer> newCommand() {
    return new BenchCoarse2FineCommand();
  }
}
