package org.fga.datasets.synthetic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Locale;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.Task;

/**
 * The {@code data:} block for the built-in synthetic fine-grained generator.
 *
 * <p>Every key is optional; {@link #of} fills the defaults. The record holds primitives so that
 * {@link #imageSize()} satisfies {@link DataConfig}; Jackson goes through {@link #of} so that a
 * missing key gets its default rather than zero.
 *
 * @param task {@code classification}, {@code multilabel}, {@code reid}, or {@code coarse}: the
 *     pretraining task, one large object per image whose outline and colour family are the class
 *     (up to {@link CoarseObject#MAX_CLASSES}), drawn at any scale, place, rotation and texture on
 *     any background; no creature and so none of the fine-grained classes appears in it
 * @param imageSize side of the square images in pixels (16..1024)
 * @param numClasses part classes (1..{@link PartStyle#MAX_CLASSES}); for re-ID the number of part
 *     styles identities are drawn from
 * @param trainSize images in the training split
 * @param valSize images in the held-out split (threshold selection); 0 for none
 * @param testSize images in the test split (re-ID: the gallery)
 * @param bias probability in [0, 1] that a training image's background is its class's own; the
 *     other images (and every validation and test image) draw the background uniformly
 * @param seed seeds everything; image {@code i} of a split depends only on (seed, split, i)
 * @param maxObjects multilabel: at most this many objects per scene (1..4)
 * @param identities re-ID: identities in the training split
 * @param testIdentities re-ID: identities in query and gallery (disjoint from the training ones)
 * @param cameras re-ID: cameras (each with its own lighting, viewpoint and backgrounds)
 * @param noise standard deviation of the per-pixel noise, in [0, 0.5]
 * @param distractors clutter shapes on the background per image (0..16)
 * @param bodyColours re-ID difficulty (0..8): identities share this many body colours and similar
 *     proportions, and differ in the combination of wing-patch style and a second small marking
 *     (cap, throat spot or tail band), as people in re-ID sets wear similar clothes; fewer colours
 *     is harder. 0 gives the old identities: a random continuous body hue each, which alone tells
 *     identities apart (every method scores 100 %). Ignored by the other tasks.
 * @param sizeJitter 0 (default): every image is imageSize squared; above 0, each image is
 *     rescaled to its own height and width, each a factor in [1 - j, 1 + j] of imageSize drawn per
 *     image (portrait and landscape alike), as images on disk are: the pipeline must then fix the
 *     size, and the layouts written by {@code fga data synth} have mixed sizes
 */
@JsonTypeName("synthetic")
@JsonPropertyOrder({"type"})
public record SyntheticConfig(
    String task,
    int imageSize,
    int numClasses,
    int trainSize,
    int valSize,
    int testSize,
    double bias,
    long seed,
    int maxObjects,
    int identities,
    int testIdentities,
    int cameras,
    double noise,
    int distractors,
    int bodyColours,
    double sizeJitter)
    implements DataConfig {

  /** Default {@link #bodyColours}: the CAL re-ID specs land between chance and 100 % with it. */
  public static final int DEFAULT_BODY_COLOURS = 4;

  /** Generated images all have {@link #imageSize()} squared. */
  @Override
  public org.fga.core.data.pipeline.ImageSize nativeSize() {
    return sizeJitter > 0 ? null : org.fga.core.data.pipeline.ImageSize.square(imageSize);
  }

  /**
   * No steps: the images are drawn at their final size, and a crop could cut the small part that
   * tells the classes apart. Mixed-size images ({@link #sizeJitter}) are squashed back.
   */
  @Override
  public org.fga.core.data.pipeline.PipelineSpec defaultPipeline() {
    return sizeJitter > 0
        ? org.fga.core.data.pipeline.steps.DefaultPipelines.squash(imageSize)
        : org.fga.core.data.pipeline.steps.DefaultPipelines.none();
  }

  public SyntheticConfig {
    task = task.toLowerCase(Locale.ROOT);
    check(
        task.equals("classification")
            || task.equals("multilabel")
            || task.equals("reid")
            || task.equals("coarse"),
        "data.task must be one of classification, multilabel, reid, coarse; got '" + task + "'");
    check(
        imageSize >= 16 && imageSize <= 1024,
        "data.imageSize must be in 16..1024, got " + imageSize);
    check(
        numClasses >= 1 && numClasses <= PartStyle.MAX_CLASSES,
        "data.numClasses must be in 1.." + PartStyle.MAX_CLASSES + ", got " + numClasses);
    check(
        !task.equals("coarse") || numClasses <= CoarseObject.MAX_CLASSES,
        "data.numClasses must be in 1.." + CoarseObject.MAX_CLASSES + " for the coarse task, got " + numClasses);
    check(trainSize >= 0, "data.trainSize must be >= 0, got " + trainSize);
    check(valSize >= 0, "data.valSize must be >= 0, got " + valSize);
    check(testSize >= 0, "data.testSize must be >= 0, got " + testSize);
    check(bias >= 0 && bias <= 1, "data.bias must be in [0, 1], got " + bias);
    check(maxObjects >= 1 && maxObjects <= 4, "data.maxObjects must be in 1..4, got " + maxObjects);
    check(identities >= 1, "data.identities must be >= 1, got " + identities);
    check(testIdentities >= 1, "data.testIdentities must be >= 1, got " + testIdentities);
    check(cameras >= 2 && cameras <= 9, "data.cameras must be in 2..9, got " + cameras);
    check(noise >= 0 && noise <= 0.5, "data.noise must be in [0, 0.5], got " + noise);
    check(
        distractors >= 0 && distractors <= 16,
        "data.distractors must be in 0..16, got " + distractors);
    check(
        bodyColours >= 0 && bodyColours <= BodyPalette.MAX,
        "data.bodyColours must be in 0.." + BodyPalette.MAX + ", got " + bodyColours);
    check(
        sizeJitter >= 0 && sizeJitter < 1, "data.sizeJitter must be in [0, 1), got " + sizeJitter);
    check(
        !task.equals("multilabel") || numClasses >= maxObjects,
        "data.numClasses ("
            + numClasses
            + ") must be >= data.maxObjects ("
            + maxObjects
            + ") for multilabel scenes, whose objects have distinct classes");
  }

  /** Builds a config from possibly missing keys; this is what experiment files go through. */
  @JsonCreator
  public static SyntheticConfig of(
      @JsonProperty("task") String task,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("numClasses") Integer numClasses,
      @JsonProperty("trainSize") Integer trainSize,
      @JsonProperty("valSize") Integer valSize,
      @JsonProperty("testSize") Integer testSize,
      @JsonProperty("bias") Double bias,
      @JsonProperty("seed") Long seed,
      @JsonProperty("maxObjects") Integer maxObjects,
      @JsonProperty("identities") Integer identities,
      @JsonProperty("testIdentities") Integer testIdentities,
      @JsonProperty("cameras") Integer cameras,
      @JsonProperty("noise") Double noise,
      @JsonProperty("distractors") Integer distractors,
      @JsonProperty("bodyColours") Integer bodyColours,
      @JsonProperty("sizeJitter") Double sizeJitter) {
    return new SyntheticConfig(
        task == null ? "classification" : task,
        imageSize == null ? 64 : imageSize,
        numClasses == null ? 8 : numClasses,
        trainSize == null ? 1000 : trainSize,
        valSize == null ? 200 : valSize,
        testSize == null ? 400 : testSize,
        bias == null ? 0.0 : bias,
        seed == null ? 0L : seed,
        maxObjects == null ? 3 : maxObjects,
        identities == null ? 32 : identities,
        testIdentities == null ? 32 : testIdentities,
        cameras == null ? 4 : cameras,
        noise == null ? 0.04 : noise,
        distractors == null ? 4 : distractors,
        bodyColours == null ? DEFAULT_BODY_COLOURS : bodyColours,
        sizeJitter == null ? 0.0 : sizeJitter);
  }

  /** All defaults: 8-class classification at 64 px, 1000/200/400 images, no bias. */
  public static SyntheticConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The task as the core enum. */
  public Task taskKind() {
    return switch (task) {
      case "multilabel" -> Task.MULTILABEL;
      case "reid" -> Task.REID;
      default -> Task.CLASSIFICATION;
    };
  }

  /** A copy with every field of {@code this} and the builder's overrides. */
  public Builder toBuilder() {
    return new Builder()
        .optTask(task)
        .optImageSize(imageSize)
        .optNumClasses(numClasses)
        .optTrainSize(trainSize)
        .optValSize(valSize)
        .optTestSize(testSize)
        .optBias(bias)
        .optSeed(seed)
        .optMaxObjects(maxObjects)
        .optIdentities(identities)
        .optTestIdentities(testIdentities)
        .optCameras(cameras)
        .optNoise(noise)
        .optDistractors(distractors)
        .optBodyColours(bodyColours)
        .optSizeJitter(sizeJitter);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builder in DJL style; unset values take the defaults of {@link #of}. */
  public static final class Builder {
    private String task;
    private Integer imageSize;
    private Integer numClasses;
    private Integer trainSize;
    private Integer valSize;
    private Integer testSize;
    private Double bias;
    private Long seed;
    private Integer maxObjects;
    private Integer identities;
    private Integer testIdentities;
    private Integer cameras;
    private Double noise;
    private Integer distractors;
    private Integer bodyColours;
    private Double sizeJitter;

    private Builder() {}

    public Builder optSizeJitter(double v) {
      sizeJitter = v;
      return this;
    }

    public Builder optTask(String v) {
      task = v;
      return this;
    }

    public Builder optImageSize(int v) {
      imageSize = v;
      return this;
    }

    public Builder optNumClasses(int v) {
      numClasses = v;
      return this;
    }

    public Builder optTrainSize(int v) {
      trainSize = v;
      return this;
    }

    public Builder optValSize(int v) {
      valSize = v;
      return this;
    }

    public Builder optTestSize(int v) {
      testSize = v;
      return this;
    }

    public Builder optBias(double v) {
      bias = v;
      return this;
    }

    public Builder optSeed(long v) {
      seed = v;
      return this;
    }

    public Builder optMaxObjects(int v) {
      maxObjects = v;
      return this;
    }

    public Builder optIdentities(int v) {
      identities = v;
      return this;
    }

    public Builder optTestIdentities(int v) {
      testIdentities = v;
      return this;
    }

    public Builder optCameras(int v) {
      cameras = v;
      return this;
    }

    public Builder optNoise(double v) {
      noise = v;
      return this;
    }

    public Builder optDistractors(int v) {
      distractors = v;
      return this;
    }

    public Builder optBodyColours(int v) {
      bodyColours = v;
      return this;
    }

    public SyntheticConfig build() {
      return of(
          task,
          imageSize,
          numClasses,
          trainSize,
          valSize,
          testSize,
          bias,
          seed,
          maxObjects,
          identities,
          testIdentities,
          cameras,
          noise,
          distractors,
          bodyColours,
          sizeJitter);
    }
  }
}
