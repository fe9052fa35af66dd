package org.fga.eval.wsol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.fga.core.data.Box;
import org.fga.core.error.FgaUserException;
import org.fga.eval.io.Shapes;

/**
 * WSOL box metrics of Choe et al. (CVPR 2020), equal to wsolevaluation's {@code BoxEvaluator},
 * computed for every threshold at once.
 *
 * <p>Each map is min-max normalised ({@link ScoreMaps#normalize}) and quantised to 8 bits; at τ
 * the mask is {@code q > int(τ·max q)}; its contours are those of {@code cv2.findContours(RETR_TREE,
 * CHAIN_APPROX_SIMPLE)}; an image is correct at (τ, δ) if the largest contour's box (or, in
 * multi-contour mode, some contour's box) has IoU ≥ δ with some ground-truth box
 * ({@link ThresholdSweep}). MaxBoxAcc(δ) is the highest fraction of correct images over τ. Maps are
 * swept in parallel. Ground-truth boxes are in map pixels; {@link GtBoxScaling} brings boxes of the
 * original image there as the protocol does.
 */
public final class WsolEvaluator {
  private final ThresholdGrid grid;
  private final int[] iouPercents;
  private final double[] deltas;
  /** Sweeps own scratch arrays: one per thread. */
  private final ThreadLocal<ThresholdSweep> sweeps;

  private WsolEvaluator(Builder b) {
    this.grid = new ThresholdGrid(b.step);
    // δ = 50 is always swept: GT-known Loc and the threshold choice use it.
    int[] ious = IntStream.concat(Arrays.stream(b.iouPercents), IntStream.of(50)).distinct().toArray();
    for (int p : ious) {
      if (p <= 0 || p > 100) {
        throw new FgaUserException("IoU threshold " + p + " is not a percentage in (0, 100]");
      }
    }
    this.iouPercents = ious;
    this.deltas = Arrays.stream(ious).mapToDouble(p -> p / 100.0).toArray();
    this.sweeps = ThreadLocal.withInitial(() -> new ThresholdSweep(grid, deltas));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options: threshold step (default 0.01) and IoU thresholds in percent (default 30, 50, 70). */
  public static final class Builder {
    private double step = 0.01;
    private int[] iouPercents = {30, 50, 70};

    public Builder optStep(double step) {
      this.step = step;
      return this;
    }

    public Builder optIouPercents(int... percents) {
      if (percents.length == 0 || percents.length > 15) {
        throw new FgaUserException("give 1 to 15 IoU thresholds, got " + percents.length);
      }
      this.iouPercents = percents.clone();
      return this;
    }

    public WsolEvaluator build() {
      return new WsolEvaluator(this);
    }
  }

  public ThresholdGrid grid() {
    return grid;
  }

  /** Empty counts, to {@link #accumulate} into one image at a time. */
  public WsolCounts newCounts() {
    return new WsolCounts(grid, iouPercents);
  }

  /**
   * Adds one image to {@code counts}: its raw map (row-major h×w; normalised here, in place), its
   * ground-truth boxes and whether its top-1 class is right (null if unknown). Not thread-safe for
   * one {@code counts}; give each thread its own and {@link WsolCounts#merge} them.
   */
  public WsolCounts accumulate(WsolCounts counts, double[] map, int h, int w, List<Box> gt, Boolean classRight) {
    if (gt.isEmpty()) {
      throw new FgaUserException("image " + counts.images() + " has no ground-truth box");
    }
    if (map.length < h * w) {
      throw Shapes.mismatch("map", new int[] {map.length}, "height x width", new int[] {h, w}, "too few values");
    }
    addOne(counts, map, h, w, gt, classRight, (int) counts.images(), new int[grid.size()]);
    return counts;
  }

  private void addOne(WsolCounts counts, double[] map, int h, int w, List<Box> gt, Boolean classRight, int index, int[] flags) {
    ScoreMaps.normalize(map, h * w, index);
    sweeps.get().sweep(map, h, w, gt, flags);
    counts.add(flags, classRight);
  }

  /**
   * Sweeps every map. {@code classRight} (null if unknown) says per image whether its top-1 class
   * is right, for top-1 Loc.
   */
  public WsolCounts evaluate(ScoreMaps maps, List<List<Box>> boxes, boolean[] classRight) {
    int n = maps.count();
    Shapes.requireLength("maps", n, "boxes", boxes.size());
    if (classRight != null) {
      Shapes.requireLength("maps", n, "class outcomes", classRight.length);
    }
    for (int i = 0; i < n; i++) {
      if (boxes.get(i).isEmpty()) {
        throw new FgaUserException("image " + i + " has no ground-truth box");
      }
    }
    int chunk = Math.max(1, Math.min(64, n / (4 * Runtime.getRuntime().availableProcessors()) + 1));
    int chunks = (n + chunk - 1) / chunk;
    return IntStream.range(0, chunks)
        .parallel()
        .mapToObj(
            c -> {
              WsolCounts counts = newCounts();
              double[] buf = new double[0];
              int[] flags = new int[grid.size()];
              for (int i = c * chunk; i < Math.min(n, (c + 1) * chunk); i++) {
                int h = maps.height(i);
                int w = maps.width(i);
                if (buf.length < h * w) {
                  buf = new double[h * w];
                }
                maps.copy(i, buf);
                addOne(counts, buf, h, w, boxes.get(i), classRight == null ? null : classRight[i], i, flags);
              }
              return counts;
            })
        .reduce(WsolCounts::merge)
        .orElseGet(this::newCounts);
  }

  /**
   * The boxes the protocol predicts from one map (raw scores; normalised and quantised exactly as
   * in {@link #evaluate}) at threshold τ, e.g. a report's {@code bestThreshold}: the largest
   * contour's box or every contour's box, [0, 0, 0, 0] when no pixel is above the level.
   */
  public List<Box> boxesAt(double[] map, int h, int w, double tau, boolean largestOnly) {
    Shapes.requireLength("map", map.length, "height × width", h * w);
    double[] norm = map.clone();
    ScoreMaps.normalize(norm, h * w, 0);
    return sweeps.get().boxesAt(norm, h, w, tau, largestOnly);
  }

  /**
   * The report, as the protocol reports it: every number is a maximum over τ on the evaluated
   * split ({@code test}). Keys: {@code maxBoxAcc} (per requested δ, with the chosen contour mode),
   * {@code maxBoxAccV2} (mean over the requested δ of the multi-contour maxima), {@code gtKnownLoc}
   * (δ = 50, chosen mode), {@code top1Loc} (localised at δ = 50 and class right, at gtKnownLoc's τ;
   * only when class outcomes were given), {@code bestThreshold} (gtKnownLoc's τ, the first of the
   * maxima), {@code boxes}, {@code images}.
   *
   * <p>With a held-out split, τ is also chosen there (per δ, first maximum) and the evaluated
   * split's accuracies at those τ go under {@code atHeldOutThreshold}, with their own names
   * ({@code boxAcc}, {@code boxAccV2}, {@code gtKnownBoxAcc}, {@code top1BoxAcc}, {@code threshold}):
   * they are not the protocol's maxima.
   *
   * @param heldOut counts on a held-out split, or null
   * @param largestOnly the largest contour's box (the original MaxBoxAcc) instead of every contour's
   * @param reportIous the δ (percent) to report in {@code maxBoxAcc} and average in V2
   */
  public static Map<String, Object> report(WsolCounts test, WsolCounts heldOut, boolean largestOnly, int[] reportIous) {
    if (test.images() == 0) {
      throw new FgaUserException("wsol: no images");
    }
    if (heldOut != null && heldOut.images() == 0) {
      throw new FgaUserException("wsol: the held-out split has no images");
    }
    int mode = largestOnly ? WsolCounts.LARGEST : WsolCounts.ALL;
    Map<String, Object> out = new LinkedHashMap<>(accuracies(test, test, mode, reportIous, "maxBoxAcc", "maxBoxAccV2",
        "gtKnownLoc", "top1Loc", "bestThreshold"));
    out.put("boxes", largestOnly ? "largest-contour" : "all-contours");
    out.put("images", test.images());
    if (heldOut != null) {
      Map<String, Object> at = accuracies(test, heldOut, mode, reportIous, "boxAcc", "boxAccV2", "gtKnownBoxAcc",
          "top1BoxAcc", "threshold");
      at.put("heldOutImages", heldOut.images());
      out.put("atHeldOutThreshold", at);
    }
    return out;
  }

  /**
   * Accuracies on {@code test} at one threshold τ (the grid's threshold at or below it), as a
   * reference that reports at a fixed τ does (MoANA: top-1 Loc at τ = 0.04): {@code threshold},
   * {@code boxAcc} per δ (chosen mode), {@code boxAccV2}, {@code gtKnownBoxAcc}, {@code top1BoxAcc}.
   */
  public static Map<String, Object> atThreshold(WsolCounts test, double tau, boolean largestOnly, int[] reportIous) {
    int mode = largestOnly ? WsolCounts.LARGEST : WsolCounts.ALL;
    int k = test.grid().indexOf(tau);
    Map<String, Double> perIou = new LinkedHashMap<>();
    double v2Sum = 0;
    for (int p : reportIous) {
      int d = indexOf(test, p);
      perIou.put(Integer.toString(p), test.accuracy(mode, d, k));
      v2Sum += test.accuracy(WsolCounts.ALL, d, k);
    }
    int d50 = indexOf(test, 50);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("threshold", test.grid().tau(k));
    out.put("boxAcc", perIou);
    out.put("boxAccV2", v2Sum / reportIous.length);
    out.put("gtKnownBoxAcc", test.accuracy(mode, d50, k));
    if (test.hasClassOutcomes()) {
      out.put("top1BoxAcc", test.top1Accuracy(mode, d50, k));
    }
    return out;
  }

  /** Accuracies on {@code test} at the τ that {@code select} maximises (per δ, first maximum), under the given keys. */
  private static Map<String, Object> accuracies(WsolCounts test, WsolCounts select, int mode, int[] reportIous,
      String perIouKey, String v2Key, String gtKnownKey, String top1Key, String thresholdKey) {
    ThresholdGrid grid = test.grid();
    Map<String, Double> perIou = new LinkedHashMap<>();
    double v2Sum = 0;
    for (int p : reportIous) {
      int d = indexOf(test, p);
      perIou.put(Integer.toString(p), test.accuracy(mode, d, select.bestThreshold(mode, d)));
      v2Sum += test.accuracy(WsolCounts.ALL, d, select.bestThreshold(WsolCounts.ALL, d));
    }
    int d50 = indexOf(test, 50);
    int k50 = select.bestThreshold(mode, d50);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(perIouKey, perIou);
    out.put(v2Key, v2Sum / reportIous.length);
    out.put(gtKnownKey, test.accuracy(mode, d50, k50));
    if (test.hasClassOutcomes()) {
      out.put(top1Key, test.top1Accuracy(mode, d50, k50));
    }
    out.put(thresholdKey, grid.tau(k50));
    return out;
  }

  private static int indexOf(WsolCounts c, int percent) {
    int[] ious = c.iouPercents();
    for (int i = 0; i < ious.length; i++) {
      if (ious[i] == percent) {
        return i;
      }
    }
    throw new FgaUserException("IoU threshold " + percent + " was not evaluated; evaluated: " + Arrays.toString(ious));
  }

  /** Parses {@code "30,50,70"}. */
  public static int[] parsePercents(String s) {
    List<Integer> out = new ArrayList<>();
    for (String part : s.split(",")) {
      try {
        out.add(Integer.parseInt(part.trim()));
      } catch (NumberFormatException e) {
        throw new FgaUserException("'" + part.trim() + "' is not a whole-number percentage (e.g. 30,50,70)");
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
