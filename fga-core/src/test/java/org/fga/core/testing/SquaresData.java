package org.fga.core.testing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Random;
import org.fga.core.data.Box;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.data.provider.TypedDataset;

/**
 * A learnable toy set for core tests: a bright square whose colour (red or blue) is the class, at a
 * random place on a noisy 16×16 image, with its box.
 */
public final class SquaresData {
  private SquaresData() {}

  /** The {@code data:} block of the toy set. */
  @JsonTypeName("squares")
  public record Config(int imageSize, Integer size, Double nanAt) implements DataConfig {
    public Config {
      imageSize = imageSize == 0 ? 16 : imageSize; // absent from the file
      size = size == null ? 64 : size;
    }

    /** Drawn at their final size, like the synthetic data: no steps by default. */
    @Override
    public org.fga.core.data.pipeline.ImageSize nativeSize() {
      return org.fga.core.data.pipeline.ImageSize.square(imageSize);
    }

    @Override
    public org.fga.core.data.pipeline.PipelineSpec defaultPipeline() {
      return org.fga.core.data.pipeline.steps.DefaultPipelines.none();
    }
  }

  /** Registers {@code squares}. */
  public static final class Provider extends TypedDataset<Config> {
    @Override
    protected FgaDataset read(Config c, Split split) {
      int offset = split == Split.TRAIN ? 0 : 1_000_000;
      int n = split == Split.TRAIN ? c.size() : c.size() / 2;
      return new FgaDataset() {
        @Override
        public DatasetInfo info() {
          return new DatasetInfo("squares", Task.CLASSIFICATION, 2, List.of("red", "blue"));
        }

        @Override
        public int size() {
          return n;
        }

        @Override
        public Sample get(int i) {
          return square(offset + i, c.imageSize(), c.nanAt() != null && i == 0);
        }
      };
    }
  }

  static Sample square(int index, int size, boolean poison) {
    Random r = new Random(index * 7919L + 13);
    int label = index % 2;
    FloatImage img = FloatImage.zeros(3, size, size);
    for (int k = 0; k < img.data().length; k++) {
      img.data()[k] = r.nextFloat() * 0.3f;
    }
    int side = size / 4;
    int x0 = r.nextInt(size - side);
    int y0 = r.nextInt(size - side);
    for (int y = y0; y < y0 + side; y++) {
      for (int x = x0; x < x0 + side; x++) {
        img.set(label == 0 ? 0 : 2, y, x, 1f);
      }
    }
    if (poison) {
      img.data()[0] = Float.NaN;
    }
    return new Sample("sq" + index, img, label, null, List.of(new Box(x0, y0, x0 + side - 1, y0 + side - 1)),
        null, null, null, -1, -1);
  }
}
