package org.fga.datasets.fashion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Locale;
import org.fga.core.data.Task;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineSpec;
import org.fga.core.data.pipeline.steps.DefaultPipelines;
import org.fga.datasets.DiskDataConfig;
import org.fga.core.error.InvalidOptionException;

/**
 * {@code data: {type: fashion-mnist, ...}}: Fashion-MNIST, plain (28x28 garments) or, with a
 * {@code cluttered:} block, as cluttered canvases. Every key is optional.
 *
 * @param root the folder of the four IDX files, gzipped or not (default {@value
 *     Garments#DEFAULT_ROOT}, where {@code apt-get install dataset-fashion-mnist} puts them)
 * @param task {@code classification}; {@code coarse} (the label is the garment's parent: tops,
 *     bottoms, dresses, footwear, bags); {@code multilabel} (1 to {@code cluttered.maxObjects}
 *     garments of distinct classes per canvas); {@code reid} (the identity is the source garment)
 * @param classes the class subset, in label order ({@link FashionClasses#parse}); e.g. {@code
 *     [tops]} for the four tops; default all ten
 * @param imageSize plain: the side the 28x28 garments are resized to by the default pipeline
 *     (default 28, no resize); cluttered: the canvas side (default 96)
 * @param heldOut the last this many garments of the training file form the {@code val} split and
 *     never reach {@code train} (default 5000; 0: no val split). Fixed garments, not drawn with the
 *     seed, so that every seed and the plain and cluttered data hold out the same ones
 * @param trainSize training images (0, the default: one per garment of the training pool)
 * @param valSize held-out images (0: one per held-out garment)
 * @param testSize test images (0: one per test garment of the class subset)
 * @param maskThreshold a canvas pixel belongs to the garment's mask when the scaled garment's own
 *     value there is above this, in [0, 1) (default 0.05, about 13/255: Fashion-MNIST's background
 *     is 0, and the mask area barely moves between 1/255 and 26/255)
 * @param seed seeds placement, scale, clutter and which garment each canvas shows
 * @param cluttered the canvas recipe ({@link Cluttered}); absent: the plain garments
 * @param identities re-ID: training identities (source garments), each seen {@code views} times
 * @param testIdentities re-ID: test identities (test garments): one query each and {@code views - 1}
 *     gallery images
 * @param views re-ID: images per identity, each with its own placement, scale and clutter (the
 *     "camera" of the image is its view, 1-based)
 * @param distractors re-ID: further gallery images of test garments of the test identities' classes
 *     that are never queried
 */
@JsonTypeName("fashion-mnist")
@JsonPropertyOrder({"type"})
public record FashionMnistConfig(
    String root,
    String task,
    List<String> classes,
    int imageSize,
    int heldOut,
    int trainSize,
    int valSize,
    int testSize,
    double maskThreshold,
    long seed,
    Cluttered cluttered,
    int identities,
    int testIdentities,
    int views,
    int distractors)
    implements DiskDataConfig {

  /** Training garments in the release. */
  public static final int TRAIN_GARMENTS = 60_000;

  /** Test garments in the release. */
  public static final int TEST_GARMENTS = 10_000;

  public FashionMnistConfig {
    root = root == null || root.isBlank() ? Garments.DEFAULT_ROOT : root;
    task = task == null ? "classification" : task.toLowerCase(Locale.ROOT);
    if (!List.of("classification", "coarse", "multilabel", "reid").contains(task)) {
      throw new InvalidOptionException("task", "must be one of classification, coarse, multilabel, reid; got '" + task + "'");
    }
    try {
      FashionClasses.parse(classes);
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException("classes", e.getMessage());
    }
    classes = classes == null ? null : List.copyOf(classes);
    imageSize = imageSize == 0 ? (cluttered == null ? Garments.SIDE : 96) : imageSize;
    if (imageSize < 16 || imageSize > 1024) {
      throw new InvalidOptionException("imageSize", "must be in 16..1024, got " + imageSize);
    }
    if (heldOut < 0 || heldOut >= TRAIN_GARMENTS) {
      throw new InvalidOptionException("heldOut", "must be in 0.." + (TRAIN_GARMENTS - 1) + ", got " + heldOut);
    }
    if (trainSize < 0) {
      throw new InvalidOptionException("trainSize", "must be >= 0 (0: one image per garment), got " + trainSize);
    }
    if (valSize < 0) {
      throw new InvalidOptionException("valSize", "must be >= 0 (0: one image per garment), got " + valSize);
    }
    if (testSize < 0) {
      throw new InvalidOptionException("testSize", "must be >= 0 (0: one image per garment), got " + testSize);
    }
    if (!(maskThreshold >= 0 && maskThreshold < 1)) {
      throw new InvalidOptionException("maskThreshold", "must be in [0, 1), got " + InvalidOptionException.show(maskThreshold));
    }
    if (identities < 1) {
      throw new InvalidOptionException("identities", "must be >= 1, got " + identities);
    }
    if (testIdentities < 1) {
      throw new InvalidOptionException("testIdentities", "must be >= 1, got " + testIdentities);
    }
    if (views < 2 || views > 9) {
      throw new InvalidOptionException("views", "must be in 2..9 (one query and at least one gallery view), got " + views);
    }
    if (distractors < 0) {
      throw new InvalidOptionException("distractors", "must be >= 0, got " + distractors);
    }
    if (cluttered != null && cluttered.garmentSize().get(1) > imageSize) {
      throw new InvalidOptionException("cluttered.garmentSize", "must fit the canvas: largest "
          + cluttered.garmentSize().get(1) + " > imageSize " + imageSize);
    }
    if (task.equals("reid") && cluttered == null) {
      throw new InvalidOptionException("task", "reid needs a cluttered: block (a plain garment looks the same in every view)");
    }
    int objects = cluttered == null ? 1 : cluttered.maxObjects();
    if (task.equals("multilabel")) {
      if (cluttered == null) {
        throw new InvalidOptionException("task", "multilabel needs a cluttered: block (the canvas the garments are placed on)");
      }
      if (FashionClasses.parse(classes).size() < objects) {
        throw new InvalidOptionException("classes", "must hold at least cluttered.maxObjects (" + objects
            + ") classes: the garments of one canvas have distinct classes");
      }
    } else if (objects != 1) {
      throw new InvalidOptionException("cluttered.maxObjects", "must be 1 for task " + task + " (several garments per image is the multilabel task)");
    }
  }

  /** Reads the block with every key optional. */
  @JsonCreator
  public static FashionMnistConfig of(
      @JsonProperty("root") String root,
      @JsonProperty("task") String task,
      @JsonProperty("classes") List<String> classes,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("heldOut") Integer heldOut,
      @JsonProperty("trainSize") Integer trainSize,
      @JsonProperty("valSize") Integer valSize,
      @JsonProperty("testSize") Integer testSize,
      @JsonProperty("maskThreshold") Double maskThreshold,
      @JsonProperty("seed") Long seed,
      @JsonProperty("cluttered") Cluttered cluttered,
      @JsonProperty("identities") Integer identities,
      @JsonProperty("testIdentities") Integer testIdentities,
      @JsonProperty("views") Integer views,
      @JsonProperty("distractors") Integer distractors) {
    return new FashionMnistConfig(
        root, task, classes,
        imageSize == null ? 0 : imageSize,
        heldOut == null ? 5000 : heldOut,
        trainSize == null ? 0 : trainSize,
        valSize == null ? 0 : valSize,
        testSize == null ? 0 : testSize,
        maskThreshold == null ? 0.05 : maskThreshold,
        seed == null ? 0L : seed,
        cluttered,
        identities == null ? 500 : identities,
        testIdentities == null ? 100 : testIdentities,
        views == null ? 4 : views,
        distractors == null ? 100 : distractors);
  }

  /** All defaults, reading {@code root}: the plain 28x28 garments with 5000 held out. */
  public static FashionMnistConfig at(String root) {
    return of(root, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The IDX files cannot be damaged in a way a run could step over: nothing is skipped. */
  @Override
  public boolean skipCorrupt() {
    return false;
  }

  /** The classes of the subset, as indices 0..9 in label order. */
  public List<Integer> classIndices() {
    return FashionClasses.parse(classes);
  }

  public Task taskKind() {
    return switch (task) {
      case "multilabel" -> Task.MULTILABEL;
      case "reid" -> Task.REID;
      default -> Task.CLASSIFICATION;
    };
  }

  /** Plain garments are 28x28, canvases imageSize squared. */
  @Override
  public ImageSize nativeSize() {
    return ImageSize.square(cluttered == null ? Garments.SIDE : imageSize);
  }

  /**
   * Canvases: no steps (a crop could cut the small garment out); plain garments: squashed to
   * imageSize when it is not 28.
   */
  @Override
  public PipelineSpec defaultPipeline() {
    return cluttered == null && imageSize != Garments.SIDE
        ? DefaultPipelines.squash(imageSize)
        : DefaultPipelines.none();
  }

  /** This config reading another folder. */
  public FashionMnistConfig withRoot(String newRoot) {
    return new FashionMnistConfig(newRoot, task, classes, imageSize, heldOut, trainSize, valSize, testSize,
        maskThreshold, seed, cluttered, identities, testIdentities, views, distractors);
  }

  /** This config with another task. */
  public FashionMnistConfig withTask(String newTask) {
    return new FashionMnistConfig(root, newTask, classes, imageSize, heldOut, trainSize, valSize, testSize,
        maskThreshold, seed, cluttered, identities, testIdentities, views, distractors);
  }

  /**
   * {@code cluttered:}, the canvas recipe after Mnih et al. 2014 / Jaderberg et al. 2015 (a digit
   * among 8 patches cut from other digits): one garment (or up to {@code maxObjects}) on a
   * black canvas among patches cut from other garments of the same split.
   *
   * @param garmentSize [min, max] side in pixels the 28x28 garment is scaled to, uniform
   *     (default [28, 40])
   * @param placement {@code anywhere} (uniform over the positions that keep the garment inside the
   *     canvas, the default) or {@code centre} (within an eighth of the canvas of its centre)
   * @param clutter clutter patches per canvas (default 8)
   * @param clutterSize side of a clutter patch in pixels (default 8), cut around a point of another
   *     garment scaled to a size of {@code garmentSize}
   * @param background {@code none} (black, as Fashion-MNIST's own background) or {@code texture}:
   *     smooth random grey, at most 0.3, drawn per canvas (a bilinear 6x6 noise)
   * @param maxObjects garments per canvas: 1, or 2 for the multilabel task (1 or 2, uniform)
   */
  @JsonPropertyOrder({"garmentSize", "placement", "clutter", "clutterSize", "background", "maxObjects"})
  public record Cluttered(
      List<Integer> garmentSize,
      String placement,
      int clutter,
      int clutterSize,
      String background,
      int maxObjects) {
    public Cluttered {
      garmentSize = garmentSize == null ? List.of(28, 40) : List.copyOf(garmentSize);
      if (garmentSize.size() != 2 || garmentSize.get(0) < 8 || garmentSize.get(1) < garmentSize.get(0)) {
        throw new InvalidOptionException("garmentSize", "must be [min, max] with 8 <= min <= max, got " + garmentSize);
      }
      placement = placement == null ? "anywhere" : placement.toLowerCase(Locale.ROOT);
      if (!placement.equals("anywhere") && !placement.equals("centre")) {
        throw new InvalidOptionException("placement", "must be anywhere or centre, got '" + placement + "'");
      }
      if (clutter < 0 || clutter > 64) {
        throw new InvalidOptionException("clutter", "must be in 0..64, got " + clutter);
      }
      if (clutterSize < 2) {
        throw new InvalidOptionException("clutterSize", "must be >= 2, got " + clutterSize);
      }
      background = background == null ? "none" : background.toLowerCase(Locale.ROOT);
      if (!background.equals("none") && !background.equals("texture")) {
        throw new InvalidOptionException("background", "must be none or texture, got '" + background + "'");
      }
      if (maxObjects < 1 || maxObjects > 2) {
        throw new InvalidOptionException("maxObjects", "must be 1 or 2, got " + maxObjects);
      }
    }

    @JsonCreator
    public static Cluttered of(
        @JsonProperty("garmentSize") List<Integer> garmentSize,
        @JsonProperty("placement") String placement,
        @JsonProperty("clutter") Integer clutter,
        @JsonProperty("clutterSize") Integer clutterSize,
        @JsonProperty("background") String background,
        @JsonProperty("maxObjects") Integer maxObjects) {
      return new Cluttered(garmentSize, placement, clutter == null ? 8 : clutter,
          clutterSize == null ? 8 : clutterSize, background, maxObjects == null ? 1 : maxObjects);
    }

    public static Cluttered defaults() {
      return of(null, null, null, null, null, null);
    }
  }
}
