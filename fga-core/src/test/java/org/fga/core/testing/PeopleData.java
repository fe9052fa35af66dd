package org.fga.core.testing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Random;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineSpec;
import org.fga.core.data.pipeline.steps.DefaultPipelines;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.provider.TypedDataset;

/**
 * A re-ID toy set for core tests, labelled as the re-ID readers label theirs: training images carry
 * their identity's index as the label; query and gallery images carry label -1 and are told apart
 * by identity and camera only. Identities 1..{@code identities} train; the test identities follow.
 * Query image i shows test identity i / 2 from camera 1 + i % 2; gallery image i shows test
 * identity i % {@code testIdentities}. The pixels are noise: no test learns from them.
 */
public final class PeopleData {
  private PeopleData() {}

  /** The {@code data:} block of the toy set (named apart from {@code SquaresData.Config}). */
  @JsonTypeName("people")
  public record PeopleConfig(int imageSize, Integer identities, Integer testIdentities) implements DataConfig {
    public PeopleConfig {
      imageSize = imageSize == 0 ? 16 : imageSize; // absent from the file
      identities = identities == null ? 4 : identities;
      testIdentities = testIdentities == null ? 3 : testIdentities;
    }

    @Override
    public ImageSize nativeSize() {
      return ImageSize.square(imageSize);
    }

    @Override
    public PipelineSpec defaultPipeline() {
      return DefaultPipelines.none();
    }
  }

  /** Registers {@code people}: splits train, query and gallery. */
  public static final class Provider extends TypedDataset<PeopleConfig> {
    @Override
    protected FgaDataset read(PeopleConfig c, Split split) {
      int train = c.identities() * 4;
      int n = switch (split) {
        case TRAIN -> train;
        case QUERY -> c.testIdentities() * 2;
        case GALLERY -> c.testIdentities() * 4;
        default -> throw new IllegalArgumentException("people has train, query and gallery, not " + split);
      };
      return new FgaDataset() {
        @Override
        public DatasetInfo info() {
          return new DatasetInfo("people", Task.REID, c.identities(), List.of());
        }

        @Override
        public int size() {
          return n;
        }

        @Override
        public Sample get(int i) {
          int identity = switch (split) {
            case TRAIN -> 1 + i % c.identities();
            case QUERY -> c.identities() + 1 + i / 2;
            default -> c.identities() + 1 + i % c.testIdentities();
          };
          int camera = 1 + i % 2;
          int label = split == Split.TRAIN ? identity - 1 : -1;
          return new Sample(split + "/" + i, noise(split.ordinal() * 10_000 + i, c.imageSize()), label,
              null, null, null, null, null, identity, camera);
        }
      };
    }
  }

  private static FloatImage noise(int seed, int size) {
    Random r = new Random(seed);
    FloatImage img = FloatImage.zeros(3, size, size);
    for (int k = 0; k < img.data().length; k++) {
      img.data()[k] = r.nextFloat();
    }
    return img;
  }
}
