package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.transform.HorizontalFlip;

/** {@code {type: flip, p: 0.5}}: mirror left-right; left and right part names swap. */
@JsonTypeName("flip")
public record FlipStep(Double p) implements PipelineStep {
  public FlipStep {
    p = Checks.probability(p, 0.5);
  }

  @Override
  public SampleTransform create() {
    return new HorizontalFlip(p);
  }
}
