package org.fga.perf;

import picocli.CommandLine.Option;

/**
 * The options every step benchmark has ({@code fga bench trainer} and each method module's
 * {@code fga bench <method>}), as one picocli mixin: {@code @Mixin StepBenchOptions opts = new
 * StepBenchOptions("resnet18", null, 64, 16, 10);}. The constructor's values are the command's
 * defaults (picocli keeps a field's initial value when the option has no {@code defaultValue}), so
 * each benchmark keeps the size its target was measured at while the names, types and help text
 * are written once.
 */
public final class StepBenchOptions {
  @Option(names = "--arch", description = "backbone architecture (default: ${DEFAULT-VALUE})")
  public String arch;

  @Option(names = "--width", description = "backbone width (default: ${DEFAULT-VALUE}; null: the architecture's)")
  public Integer width;

  @Option(names = "--size", description = "image size (default: ${DEFAULT-VALUE})")
  public int size;

  @Option(names = "--batch", description = "batch size (default: ${DEFAULT-VALUE})")
  public int batch;

  @Option(names = "--steps", description = "timed steps per round (default: ${DEFAULT-VALUE})")
  public int steps;

  public StepBenchOptions(String arch, Integer width, int size, int batch, int steps) {
    this.arch = arch;
    this.width = width;
    this.size = size;
    this.batch = batch;
    this.steps = steps;
  }
}
