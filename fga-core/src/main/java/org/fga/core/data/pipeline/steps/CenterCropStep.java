package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.transform.CenterCrop;
import org.fga.core.error.InvalidOptionException;

/** {@code {type: centerCrop, size: N | [H, W]}}: the central window (offsets as torchvision). */
@JsonTypeName("centerCrop")
public record CenterCropStep(ImageSize size) implements PipelineStep {
  public CenterCropStep {
    if (size == null) {
      throw new InvalidOptionException("size", "is required");
    }
  }

  @Override
  public SampleTransform create() {
    return new CenterCrop(size.height(), size.width());
  }

  @Override
  public ImageSize outputSize(ImageSize input) {
    return size;
  }
}
