package org.fga.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;

/**
 * One split of the synthetic data. Nothing is stored: {@link #get} renders the image on demand from
 * (seed, split, index), so the dataset is thread-safe and costs no memory.
 *
 * <p>Splits: {@code TRAIN}, {@code VAL} (held out, unbiased, for threshold selection) and {@code
 * TEST} for classification and multilabel; {@code TRAIN}, {@code QUERY} (one image per test
 * identity and camera) and {@code GALLERY} for re-ID.
 */
public final class SyntheticDataset implements FgaDataset {
  private final SyntheticGenerator generator;
  private final Split split;
  private final DatasetInfo info;
  private final int size;

  public SyntheticDataset(SyntheticConfig config, Split split) {
    this.generator = new SyntheticGenerator(config);
    this.split = split;
    this.info = info(config);
    this.size = sizeOf(config, split);
  }

  /** The splits a config offers. */
  public static List<Split> splits(SyntheticConfig config) {
    return config.taskKind() == Task.REID
        ? List.of(Split.TRAIN, Split.QUERY, Split.GALLERY)
        : List.of(Split.TRAIN, Split.VAL, Split.TEST);
  }

  static DatasetInfo info(SyntheticConfig config) {
    List<String> names = new ArrayList<>();
    if (config.taskKind() == Task.REID) {
      for (int i = 1; i <= config.identities(); i++) {
        names.add(String.format("id%04d", i));
      }
      return new DatasetInfo("synthetic", Task.REID, config.identities(), List.copyOf(names));
    }
    SyntheticGenerator generator = new SyntheticGenerator(config);
    for (int c = 0; c < config.numClasses(); c++) {
      names.add(generator.classNameOf(c));
    }
    return new DatasetInfo("synthetic", config.taskKind(), config.numClasses(), List.copyOf(names));
  }

  private static int sizeOf(SyntheticConfig config, Split split) {
    if (!splits(config).contains(split)) {
      throw new FgaUserException(
          "the synthetic "
              + config.task()
              + " data has no split "
              + split
              + "; it has "
              + splits(config));
    }
    return switch (split) {
      case TRAIN -> config.trainSize();
      case VAL -> config.valSize();
      case TEST, GALLERY -> config.testSize();
      case QUERY -> config.testIdentities() * config.cameras();
    };
  }

  public Split split() {
    return split;
  }

  public SyntheticGenerator generator() {
    return generator;
  }

  @Override
  public DatasetInfo info() {
    return info;
  }

  @Override
  public int size() {
    return size;
  }

  /** Everything the generator knows about image {@code index}. */
  public SyntheticScene scene(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "index " + index + " outside 0.." + (size - 1) + " of " + split);
    }
    SyntheticScene square = squareScene(index);
    double j = generator.config().sizeJitter();
    if (j == 0) {
      return square;
    }
    // a size of its own per image, drawn from the index alone so that every reader agrees
    long bits = Rng.mix(index * 0x9E3779B97F4A7C15L + split.ordinal() * 131L + 17);
    double fh = 1 - j + 2 * j * ((bits >>> 11) & 0xFFFFF) / (double) 0xFFFFF;
    double fw = 1 - j + 2 * j * ((bits >>> 33) & 0xFFFFF) / (double) 0xFFFFF;
    int n = generator.config().imageSize();
    return square.resized(Math.max(8, (int) Math.round(n * fh)), Math.max(8, (int) Math.round(n * fw)));
  }

  private SyntheticScene squareScene(int index) {
    SyntheticConfig c = generator.config();
    if (c.taskKind() != Task.REID) {
      return generator.render(split, index);
    }
    int cams = c.cameras();
    return switch (split) {
      case TRAIN ->
          generator.renderReid(split, index, 1 + index % c.identities(), cameraOf(index, cams));
      case QUERY ->
          generator.renderReid(split, index, c.identities() + 1 + index / cams, 1 + index % cams);
      default ->
          generator.renderReid(
              split, index, c.identities() + 1 + index % c.testIdentities(), cameraOf(index, cams));
    };
  }

  /** A camera that varies with the index but not in step with the identity cycle. */
  private int cameraOf(int index, int cams) {
    return 1 + (int) Long.remainderUnsigned(Rng.mix(index * 31L + split.ordinal()), cams);
  }

  @Override
  public String id(int index) {
    return "synthetic/" + split.name().toLowerCase(java.util.Locale.ROOT) + "/" + index;
  }

  @Override
  public Sample get(int index) {
    SyntheticScene s = scene(index);
    String id = id(index);
    Task task = info.task();
    return switch (task) {
      case MULTILABEL ->
          new Sample(
              id,
              s.image(),
              -1,
              distinctSorted(s.classes()),
              s.boxes(),
              null,
              s.objectMask(),
              s.parts(),
              -1,
              -1);
      case REID -> {
        // as the disk readers do: training identities are labels 0..N-1, query and gallery images
        // carry -1 and are matched by identity and camera
        int label = split == Split.TRAIN ? s.identity() - 1 : -1;
        yield new Sample(
            id,
            s.image(),
            label,
            null,
            s.boxes(),
            s.keypoints(),
            s.objectMask(),
            s.parts(),
            s.identity(),
            s.camera());
      }
      default ->
          new Sample(
              id,
              s.image(),
              s.classes()[0],
              null,
              s.boxes(),
              s.keypoints(),
              s.objectMask(),
              s.parts(),
              -1,
              -1);
    };
  }

  private static int[] distinctSorted(int[] classes) {
    return java.util.Arrays.stream(classes).distinct().sorted().toArray();
  }
}
