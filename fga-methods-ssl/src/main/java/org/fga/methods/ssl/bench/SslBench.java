package org.fga.methods.ssl.bench;

import java.util.concurrent.Callable;
import org.fga.core.bench.BenchProvider;

/** Registers {@code fga bench ssl}. */
public final class SslBench implements BenchProvider {
  @Override
  public String name() {
    return "ssl";
  }

  @Override
  public String description() {
    return "LCR step time vs its base (BYOL, MoCo v2) on the same backbone, batch and views.";
  }

  @Override
  public Callable<Integer> newCommand() {
    return new BenchSslCommand();
  }
}
