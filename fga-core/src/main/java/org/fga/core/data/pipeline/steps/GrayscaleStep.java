package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.transform.Grayscale;
import org.fga.core.data.transform.WithProbability;

/** {@code {type: grayscale, p: 1}}: luma in all three channels (RandomGrayscale). */
@JsonTypeName("grayscale")
public record GrayscaleStep(Double p) implements PipelineStep {
  public GrayscaleStep {
    p = Checks.probability(p, 1);
  }

  @Override
  public SampleTransform create() {
    return WithProbability.of(p, new Grayscale());
  }
}
