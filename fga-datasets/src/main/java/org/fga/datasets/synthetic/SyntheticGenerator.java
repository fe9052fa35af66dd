package org.fga.datasets.synthetic;

import java.util.List;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Split;

/**
 * Renders image {@code i} of a split from (seed, split, i) alone: no state is shared between calls,
 * so any thread can render any image in any order and get the same pixels.
 */
public final class SyntheticGenerator {
  private static final long STREAM_CAMERA = 101;
  private static final float MAX_TILT = (float) Math.toRadians(35);

  /**
   * The creature's parts that single-object scenes carry as keypoints, in this order: the ones
   * CUB also annotates, named as CUB names them, plus the class-defining patch.
   */
  public static final List<String> PART_NAMES =
      List.of("beak", "left eye", "right eye", "tail", "wing patch");

  private final SyntheticConfig config;
  private final ReidIdentities identities;

  public SyntheticGenerator(SyntheticConfig config) {
    this.config = config;
    this.identities = new ReidIdentities(config);
  }

  public SyntheticConfig config() {
    return config;
  }

  /** The background kind that class {@code c} co-occurs with in a biased training split. */
  public static int backdropOfClass(int c) {
    return c % Backdrop.COUNT;
  }

  /** Name of class {@code c}, e.g. {@code red_disc}. */
  public static String className(int c) {
    return PartStyle.ofClass(c).className();
  }

  /** Name of class {@code c} of this generator's task: a coarse class for {@code coarse}. */
  public String classNameOf(int c) {
    return config.task().equals("coarse") ? CoarseObject.className(c) : className(c);
  }

  /** Renders one image of a classification, multilabel or coarse (pretraining) split. */
  public SyntheticScene render(Split split, int index) {
    Rng rng = new Rng(Rng.seedOf(config.seed(), split.ordinal() + 1, index));
    return switch (config.task()) {
      case "multilabel" -> multilabel(split, rng);
      case "coarse" -> coarse(split, rng);
      default -> classification(split, rng);
    };
  }

  /**
   * A pretraining image: one large {@link CoarseObject} over a background drawn uniformly (the
   * bias knob is the fine-grained task's, not this one's) and the usual clutter and lighting.
   */
  private SyntheticScene coarse(Split split, Rng rng) {
    int cls = rng.nextInt(config.numClasses());
    Canvas canvas = new Canvas(config.imageSize());
    int backdrop = rng.nextInt(Backdrop.COUNT);
    Backdrop.values()[backdrop].paint(canvas, rng);
    Clutter.paint(canvas, config.distractors(), rng);
    CoarseObject.paint(canvas, cls, rng);
    canvas.finish(lighting(rng, 0.15f, 0.05f), (float) config.noise(), rng);
    return SyntheticScene.of(canvas, new int[] {cls}, backdrop, -1, -1, null);
  }

  private SyntheticScene classification(Split split, Rng rng) {
    int n = config.imageSize();
    int cls = rng.nextInt(config.numClasses());
    int backdrop = pickBackdrop(split, cls, rng);
    Canvas canvas = new Canvas(n);
    Backdrop.values()[backdrop].paint(canvas, rng);
    Clutter.paint(canvas, config.distractors(), rng);
    Creature creature = Creature.random(PartStyle.ofClass(cls), rng);
    float length = rng.uniform(0.38f, 0.56f) * n;
    float angle = rng.uniform(-MAX_TILT, MAX_TILT);
    boolean flip = rng.chance(0.5);
    float[] at = place(canvas, creature, 1, length, angle, flip, rng, null);
    List<Keypoint> points = creature.keypoints(canvas, 1, at[0], at[1], length, angle, flip);
    canvas.finish(lighting(rng, 0.15f, 0.05f), (float) config.noise(), rng);
    return SyntheticScene.of(canvas, new int[] {cls}, backdrop, -1, -1, points);
  }

  private SyntheticScene multilabel(Split split, Rng rng) {
    int n = config.imageSize();
    int count = 1 + rng.nextInt(config.maxObjects());
    int[] classes = distinctClasses(count, rng);
    int backdrop = pickBackdrop(split, classes[0], rng);
    Canvas canvas = new Canvas(n);
    Backdrop.values()[backdrop].paint(canvas, rng);
    Clutter.paint(canvas, config.distractors(), rng);
    float[][] placed = new float[count][];
    for (int o = 0; o < count; o++) {
      Creature creature = Creature.random(PartStyle.ofClass(classes[o]), rng);
      float length = rng.uniform(0.26f, 0.38f) * n;
      placed[o] =
          place(
              canvas,
              creature,
              o + 1,
              length,
              rng.uniform(-MAX_TILT, MAX_TILT),
              rng.chance(0.5),
              rng,
              placed);
    }
    canvas.finish(lighting(rng, 0.15f, 0.05f), (float) config.noise(), rng);
    return SyntheticScene.of(canvas, classes, backdrop, -1, -1, null);
  }

  /**
   * Renders one re-ID image of {@code identity} (1-based over train then test identities) seen by
   * {@code camera} (1-based). The identity fixes the creature ({@link ReidIdentities}: by default
   * one of a few shared body colours, told apart by small details); the camera fixes lighting,
   * view direction and the backgrounds it looks at; the index adds pose jitter.
   */
  public SyntheticScene renderReid(Split split, int index, int identity, int camera) {
    int n = config.imageSize();
    ReidIdentities.Identity id = identities.of(identity);
    int cls = id.partClass();
    Creature creature = id.creature();
    float length = id.length() * n;

    Rng cam = new Rng(Rng.seedOf(config.seed(), STREAM_CAMERA, camera));
    int[] camBackdrops = {cam.nextInt(Backdrop.COUNT), cam.nextInt(Backdrop.COUNT)};
    float camTilt = cam.uniform(-0.6f, 0.6f) * MAX_TILT;
    boolean camFacesLeft = cam.chance(0.5);
    float[] camLight = lighting(cam, 0.25f, 0.12f);

    Rng rng = new Rng(Rng.seedOf(config.seed(), split.ordinal() + 1, index));
    int backdrop = camBackdrops[rng.nextInt(2)];
    Canvas canvas = new Canvas(n);
    Backdrop.values()[backdrop].paint(canvas, rng);
    Clutter.paint(canvas, config.distractors(), rng);
    float tilt = camTilt + rng.uniform(-0.25f, 0.25f) * MAX_TILT;
    boolean flip = rng.chance(0.85) == camFacesLeft;
    float drawn = length * rng.uniform(0.92f, 1.08f);
    float[] at = place(canvas, creature, 1, drawn, tilt, flip, rng, null);
    List<Keypoint> points = creature.keypoints(canvas, 1, at[0], at[1], drawn, tilt, flip);
    float[] jitter = lighting(rng, 0.06f, 0.02f);
    for (int c = 0; c < 3; c++) {
      camLight[c] *= jitter[c];
    }
    canvas.finish(camLight, (float) config.noise(), rng);
    return SyntheticScene.of(canvas, new int[] {cls}, backdrop, identity, camera, points);
  }

  private int pickBackdrop(Split split, int cls, Rng rng) {
    if (split == Split.TRAIN && config.bias() > 0 && rng.chance(config.bias())) {
      return backdropOfClass(cls);
    }
    return rng.nextInt(Backdrop.COUNT);
  }

  private int[] distinctClasses(int count, Rng rng) {
    int[] out = new int[count];
    for (int o = 0; o < count; o++) {
      int c;
      boolean fresh;
      do {
        c = rng.nextInt(config.numClasses());
        fresh = true;
        for (int j = 0; j < o; j++) {
          fresh &= out[j] != c;
        }
      } while (!fresh);
      out[o] = c;
    }
    return out;
  }

  /**
   * Places the creature fully inside the image at a random position and paints it. With {@code
   * others} (multilabel), tries a few positions to keep its box from covering earlier objects'
   * centres. Returns {cx, cy, length}.
   */
  private static float[] place(
      Canvas canvas,
      Creature creature,
      int id,
      float length,
      float angle,
      boolean flip,
      Rng rng,
      float[][] others) {
    int n = canvas.size;
    float[] box = creature.bounds(length, angle, flip);
    float minX = box[0];
    float maxX = box[1];
    float minY = box[2];
    float maxY = box[3];
    float cx = 0;
    float cy = 0;
    int tries = others == null ? 1 : 8;
    for (int t = 0; t < tries; t++) {
      cx = position(-minX, n - maxX, n, rng);
      cy = position(-minY, n - maxY, n, rng);
      if (others == null || clear(cx, cy, length, others)) {
        break;
      }
    }
    creature.paint(canvas, id, cx, cy, length, angle, flip);
    return new float[] {cx, cy, length};
  }

  private static boolean clear(float cx, float cy, float length, float[][] others) {
    for (float[] o : others) {
      if (o != null
          && Math.abs(o[0] - cx) < 0.5f * (o[2] + length)
          && Math.abs(o[1] - cy) < 0.35f * (o[2] + length)) {
        return false;
      }
    }
    return true;
  }

  private static float position(float lo, float hi, int n, Rng rng) {
    return lo <= hi ? rng.uniform(lo, hi) : n / 2f;
  }

  /** Per-channel gains: a common brightness change plus a small colour cast. */
  private static float[] lighting(Rng rng, float brightness, float tint) {
    float b = 1f + rng.uniform(-brightness, brightness);
    return new float[] {
      b * (1f + rng.uniform(-tint, tint)),
      b * (1f + rng.uniform(-tint, tint)),
      b * (1f + rng.uniform(-tint, tint))
    };
  }
}
