package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.transform.Solarize;
import org.fga.core.data.transform.WithProbability;
import org.fga.core.error.InvalidOptionException;

/**
 * {@code {type: solarize, threshold: 0.5, p: 1}}: values ≥ threshold inverted (PIL's solarize at
 * 128 on 8-bit images is the same cut).
 */
@JsonTypeName("solarize")
public record SolarizeStep(Double threshold, Double p) implements PipelineStep {
  public SolarizeStep {
    threshold = threshold == null ? 0.5 : threshold;
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new InvalidOptionException("threshold", "must be in [0, 1], got " + InvalidOptionException.show(threshold));
    }
    p = Checks.probability(p, 1);
  }

  @Override
  public SampleTransform create() {
    return WithProbability.of(p, new Solarize(threshold));
  }
}
