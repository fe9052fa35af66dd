package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.transform.Pad;
import org.fga.core.data.transform.RandomCrop;
import org.fga.core.error.InvalidOptionException;

/**
 * {@code {type: randomCrop, size: N | [H, W], padding: 0, fill: 0}}: a window at a uniformly
 * random position, after an optional constant border of {@code padding} pixels on every side
 * (torchvision's {@code RandomCrop(size, padding, fill)}; fill in [0, 1]).
 */
@JsonTypeName("randomCrop")
public record RandomCropStep(ImageSize size, Integer padding, List<Double> fill)
    implements PipelineStep {
  public RandomCropStep {
    if (size == null) {
      throw new InvalidOptionException("size", "is required");
    }
    padding = padding == null ? 0 : padding;
    if (padding < 0) {
      throw new InvalidOptionException("padding", "must be >= 0, got " + padding);
    }
    fill = Checks.colour("fill", fill);
  }

  @Override
  public SampleTransform create() {
    SampleTransform crop = new RandomCrop(size.height(), size.width());
    return padding == 0
        ? crop
        : new Pad(padding, padding, padding, padding, Checks.floats(fill)).then(crop);
  }

  @Override
  public ImageSize outputSize(ImageSize input) {
    return size;
  }
}
