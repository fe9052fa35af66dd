package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.transform.Pad;
import org.fga.core.error.InvalidOptionException;

/**
 * {@code {type: pad, padding: N | [left/right, top/bottom] | [left, top, right, bottom], fill: 0}}:
 * a constant border, as torchvision's {@code Pad}; fill in [0, 1].
 */
@JsonTypeName("pad")
public record PadStep(List<Integer> padding, List<Double> fill) implements PipelineStep {
  public PadStep {
    if (padding == null || !(padding.size() == 1 || padding.size() == 2 || padding.size() == 4)) {
      throw new InvalidOptionException("padding", "must be N, [LR, TB] or [L, T, R, B], got " + padding);
    }
    for (int v : padding) {
      if (v < 0) {
        throw new InvalidOptionException("padding", "must be >= 0, got " + padding);
      }
    }
    padding = List.copyOf(padding);
    fill = Checks.colour("fill", fill);
  }

  /** left, top, right, bottom. */
  private int[] sides() {
    return switch (padding.size()) {
      case 1 -> new int[] {padding.get(0), padding.get(0), padding.get(0), padding.get(0)};
      case 2 -> new int[] {padding.get(0), padding.get(1), padding.get(0), padding.get(1)};
      default -> new int[] {padding.get(0), padding.get(1), padding.get(2), padding.get(3)};
    };
  }

  @Override
  public SampleTransform create() {
    int[] s = sides();
    return new Pad(s[0], s[1], s[2], s[3], Checks.floats(fill));
  }

  @Override
  public ImageSize outputSize(ImageSize input) {
    if (input == null) {
      return null;
    }
    int[] s = sides();
    return new ImageSize(input.height() + s[1] + s[3], input.width() + s[0] + s[2]);
  }
}
