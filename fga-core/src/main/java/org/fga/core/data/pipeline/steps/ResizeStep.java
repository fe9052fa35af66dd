package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.transform.Interpolation;
import org.fga.core.data.transform.Resize;
import org.fga.core.error.InvalidOptionException;

/**
 * {@code {type: resize, size: [H, W]}} squashes to H × W; {@code {type: resize, shorter: N}} scales
 * the shorter side to N keeping the aspect (the longer side truncated, as torchvision). {@code
 * interpolation}: bilinear (default), bicubic or nearest, computed as PIL does.
 */
@JsonTypeName("resize")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResizeStep(ImageSize size, Integer shorter, Interpolation interpolation)
    implements PipelineStep {
  public ResizeStep {
    if ((size == null) == (shorter == null)) {
      throw new InvalidOptionException("size", "or shorter: give exactly one of them");
    }
    if (shorter != null && shorter <= 0) {
      throw new InvalidOptionException("shorter", "must be positive, got " + shorter);
    }
    interpolation = interpolation == null ? Interpolation.BILINEAR : interpolation;
  }

  @Override
  public SampleTransform create() {
    Resize r = size != null ? Resize.to(size.height(), size.width()) : Resize.shorterSide(shorter);
    return r.withInterpolation(interpolation);
  }

  @Override
  public ImageSize outputSize(ImageSize input) {
    if (size != null) {
      return size;
    }
    if (input == null) {
      return null;
    }
    int h = input.height();
    int w = input.width();
    return h <= w
        ? new ImageSize(shorter, (int) ((double) w * shorter / h))
        : new ImageSize((int) ((double) h * shorter / w), shorter);
  }
}
