package org.fga.core.data.pipeline.steps;

import org.fga.core.data.pipeline.PipelineSpec;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.pipeline.ImageSize;

import java.util.List;

/** The readers' default pipelines, for specs without a {@code pipeline:} block. */
public final class DefaultPipelines {
  private DefaultPipelines() {}

  /**
   * Fine-grained and ImageNet practice: the shorter side to round(8/7 · crop) (512 for 448, 256 for
   * 224), then a random crop and a flip for training, a centre crop for testing.
   */
  public static PipelineSpec resizeCrop(int crop) {
    int resize = (int) Math.round(crop * 8.0 / 7.0);
    ImageSize size = ImageSize.square(crop);
    return new PipelineSpec(
        List.of(
            new ResizeStep(null, resize, null),
            new RandomCropStep(size, null, null),
            new FlipStep(null)),
        List.of(new ResizeStep(null, resize, null), new CenterCropStep(size)));
  }

  /**
   * re-ID practice (torchreid, the CAL and BoT references): squash to height × width, flip, a
   * 10-pixel border and a random crop back, random erasing; testing squashes only.
   */
  public static PipelineSpec reid(int height, int width) {
    ImageSize size = new ImageSize(height, width);
    return new PipelineSpec(
        List.of(
            new ResizeStep(size, null, null),
            new FlipStep(null),
            new PadStep(List.of(10), null),
            new RandomCropStep(size, null, null),
            new RandomErasingStep(null, null, null, null, null, null, null)),
        List.of(new ResizeStep(size, null, null)));
  }

  /** Squash every image to size × size, in training and testing alike. */
  public static PipelineSpec squash(int size) {
    ImageSize s = ImageSize.square(size);
    return new PipelineSpec(List.of(new ResizeStep(s, null, null)), List.of(new ResizeStep(s, null, null)));
  }

  /** Data generated at its final size: nothing to do. */
  public static PipelineSpec none() {
    return new PipelineSpec(List.of(), List.of());
  }
}
