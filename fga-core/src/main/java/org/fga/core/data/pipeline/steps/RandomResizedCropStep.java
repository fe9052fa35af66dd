package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.pipeline.Range;
import org.fga.core.data.transform.Interpolation;
import org.fga.core.data.transform.RandomResizedCrop;
import org.fga.core.error.InvalidOptionException;

/**
 * {@code {type: randomResizedCrop, size, scale: [0.08, 1], ratio: [3/4, 4/3], interpolation:
 * bilinear}}: torchvision's Inception crop, ten draws then the clamped central crop.
 */
@JsonTypeName("randomResizedCrop")
public record RandomResizedCropStep(
    ImageSize size, Range scale, Range ratio, Interpolation interpolation) implements PipelineStep {
  public RandomResizedCropStep {
    if (size == null) {
      throw new InvalidOptionException("size", "is required");
    }
    scale = Checks.within("scale", scale, new Range(0.08, 1.0), 0, 1);
    ratio = Checks.within("ratio", ratio, new Range(3.0 / 4.0, 4.0 / 3.0), 0, Double.MAX_VALUE);
    interpolation = interpolation == null ? Interpolation.BILINEAR : interpolation;
  }

  @Override
  public SampleTransform create() {
    return RandomResizedCrop.builder(size.height(), size.width())
        .optScale(scale.min(), scale.max())
        .optRatio(ratio.min(), ratio.max())
        .optInterpolation(interpolation)
        .build();
  }

  @Override
  public ImageSize outputSize(ImageSize input) {
    return size;
  }
}
