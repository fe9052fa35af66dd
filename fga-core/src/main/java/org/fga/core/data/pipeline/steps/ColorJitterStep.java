package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.transform.ColorJitter;
import org.fga.core.data.transform.WithProbability;
import org.fga.core.error.InvalidOptionException;

/**
 * {@code {type: colorJitter, brightness, contrast, saturation, hue, p: 1}}: torchvision's
 * ColorJitter (each strength 0 by default: off), applied with probability p (RandomApply).
 */
@JsonTypeName("colorJitter")
public record ColorJitterStep(
    Double brightness, Double contrast, Double saturation, Double hue, Double p)
    implements PipelineStep {
  public ColorJitterStep {
    brightness = Checks.nonNegative("brightness", brightness, 0);
    contrast = Checks.nonNegative("contrast", contrast, 0);
    saturation = Checks.nonNegative("saturation", saturation, 0);
    hue = Checks.nonNegative("hue", hue, 0);
    if (hue > 0.5) {
      throw new InvalidOptionException("hue", "must be in [0, 0.5], got " + InvalidOptionException.show(hue));
    }
    p = Checks.probability(p, 1);
  }

  @Override
  public SampleTransform create() {
    return WithProbability.of(p, new ColorJitter(brightness, contrast, saturation, hue));
  }
}
