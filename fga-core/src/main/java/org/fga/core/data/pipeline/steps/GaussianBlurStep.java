package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.pipeline.Range;
import org.fga.core.data.transform.GaussianBlur;
import org.fga.core.data.transform.WithProbability;
import org.fga.core.error.InvalidOptionException;

/**
 * {@code {type: gaussianBlur, kernel: 0, sigma: [0.1, 2.0], p: 1}}: σ uniform in the range per
 * image; kernel 0 sizes the kernel from σ (2·ceil(3σ) + 1), else an odd number of taps.
 */
@JsonTypeName("gaussianBlur")
public record GaussianBlurStep(Integer kernel, Range sigma, Double p) implements PipelineStep {
  public GaussianBlurStep {
    kernel = kernel == null ? 0 : kernel;
    if (kernel < 0 || (kernel > 0 && kernel % 2 == 0)) {
      throw new InvalidOptionException("kernel", "must be odd (or 0: sized from sigma), got " + kernel);
    }
    sigma = Checks.within("sigma", sigma, new Range(0.1, 2.0), 0, Double.MAX_VALUE);
    p = Checks.probability(p, 1);
  }

  @Override
  public SampleTransform create() {
    return WithProbability.of(p, new GaussianBlur(kernel, sigma.min(), sigma.max()));
  }
}
