package org.fga.perf;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.data.provider.TypedDataset;

/**
 * Uniform-noise images with random labels, held in memory: a dataset that costs nothing to read, so
 * that benchmarks time the trainer and not the data.
 */
public final class NoiseData {
  private NoiseData() {}

  /** The {@code data:} block: {@code {type: noise, imageSize, size, numClasses}}. */
  @JsonTypeName("noise")
  public record Config(int imageSize, Integer size, Integer numClasses) implements DataConfig {
    public Config {
      imageSize = imageSize == 0 ? 64 : imageSize;
      size = size == null ? 256 : size;
      numClasses = numClasses == null ? 10 : numClasses;
    }
  }

  /** Registers {@code noise}. */
  public static final class Provider extends TypedDataset<Config> {
    @Override
    public String description() {
      return "uniform-noise images with random labels, in memory (benchmarks)";
    }

    @Override
    protected FgaDataset read(Config c, Split split) {
      int s = c.imageSize();
      // drawn on demand from the index, as a disk dataset decodes on demand: a long memory
      // benchmark must not hold its whole dataset (10,000 steps of 16 images at 32 px is 2 GB)
      java.util.function.IntFunction<Sample> sample =
          i -> {
            Random r = new Random(i * 31L + split.ordinal());
            float[] px = new float[3 * s * s];
            for (int k = 0; k < px.length; k++) {
              px[k] = r.nextFloat();
            }
            return Sample.classification("noise" + i, new FloatImage(3, s, s, px), r.nextInt(c.numClasses()));
          };
      int size = c.size();
      DatasetInfo info = new DatasetInfo("noise", Task.CLASSIFICATION, c.numClasses(),
          IntStream.range(0, c.numClasses()).mapToObj(i -> "c" + i).toList());
      return new FgaDataset() {
        @Override
        public DatasetInfo info() {
          return info;
        }

        @Override
        public int size() {
          return size;
        }

        @Override
        public Sample get(int index) {
          return sample.apply(index);
        }
      };
    }
  }
}
