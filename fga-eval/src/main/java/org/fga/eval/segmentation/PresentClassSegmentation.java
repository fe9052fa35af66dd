package org.fga.eval.segmentation;

import org.fga.core.data.Mask;
import org.fga.core.error.FgaUserException;
import org.fga.eval.wsol.ScoreMaps;
import org.fga.eval.wsol.ThresholdGrid;

/**
 * Per-pixel class predictions from the attention maps of the classes present in each image (the
 * image-level labels are known, as when CAM seeds are scored in weakly supervised segmentation):
 * each map is min-max normalised per image, a pixel takes the class of its highest map, and becomes
 * background (0) where that map is below τ. Ground truth follows PASCAL VOC: 0 background, class
 * c as c + 1, 255 ignored.
 *
 * <p>One pass keeps, for every (true value, winning class) pair, a histogram of the winning map's
 * value over the thresholds; the confusion matrix at any τ_k is read off it, so a sweep over the
 * whole grid costs one pass over the pixels, not one per threshold.
 */
public final class PresentClassSegmentation {
  private final int numClasses;
  private final ThresholdGrid grid;
  /** hist[(g * numClasses + c) * T + k]: pixels of truth g won by class value c whose map is at τ_k's bin. */
  private final long[] hist;
  /** Pixels of truth g with no present class at all (a sample without labels): always background. */
  private final long[] noClass;

  /**
   * @param numClasses classes including background (21 for VOC)
   * @param grid the thresholds τ
   */
  public PresentClassSegmentation(int numClasses, ThresholdGrid grid) {
    if (numClasses < 2 || numClasses > 255) {
      throw new FgaUserException("number of classes (background included) must be in [2, 255], got " + numClasses);
    }
    this.numClasses = numClasses;
    this.grid = grid;
    this.hist = new long[numClasses * numClasses * grid.size()];
    this.noClass = new long[numClasses];
  }

  /**
   * Adds one image.
   *
   * @param maps the raw maps of the present classes, each {@code [H][W]} (normalised here)
   * @param classes the class of each map, 0-based without background (map j predicts value
   *     {@code classes[j] + 1})
   * @param truth the ground-truth values
   * @param name the image, for errors
   */
  public PresentClassSegmentation add(float[][][] maps, int[] classes, Mask truth, String name) {
    if (maps.length != classes.length) {
      throw new FgaUserException(name + ": " + maps.length + " maps for " + classes.length + " present classes");
    }
    int h = truth.height();
    int w = truth.width();
    int n = h * w;
    double[][] norm = new double[maps.length][n];
    for (int j = 0; j < maps.length; j++) {
      if (maps[j].length != h || maps[j][0].length != w) {
        throw new FgaUserException(String.format("%s: the map of class %d is %dx%d, its mask %dx%d",
            name, classes[j], maps[j].length, maps[j][0].length, h, w));
      }
      if (classes[j] < 0 || classes[j] + 1 >= numClasses) {
        throw new FgaUserException(name + ": class " + classes[j] + " is outside [0, " + (numClasses - 1) + ")");
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          norm[j][y * w + x] = maps[j][y][x];
        }
      }
      ScoreMaps.normalize(norm[j], n, j);
    }
    int t = grid.size();
    for (int p = 0; p < n; p++) {
      int g = truth.data()[p] & 0xFF;
      if (g == Mask.IGNORE) {
        continue;
      }
      ConfusionMatrix.requireClass(g, numClasses, Mask.IGNORE, name, p);
      if (maps.length == 0) {
        noClass[g]++;
        continue;
      }
      int best = 0;
      for (int j = 1; j < maps.length; j++) {
        if (norm[j][p] > norm[best][p]) {
          best = j;
        }
      }
      int c = classes[best] + 1;
      hist[(g * numClasses + c) * t + grid.indexOf(norm[best][p])]++;
    }
    return this;
  }

  /** The confusion matrix at τ_k: a pixel is its winning class where the winning map is ≥ τ_k. */
  public ConfusionMatrix confusion(int k) {
    int t = grid.size();
    ConfusionMatrix m = new ConfusionMatrix(numClasses, Mask.IGNORE);
    for (int g = 0; g < numClasses; g++) {
      m.addCount(g, 0, noClass[g]);
      for (int c = 0; c < numClasses; c++) {
        int base = (g * numClasses + c) * t;
        long fg = 0;
        long bg = 0;
        for (int b = 0; b < t; b++) {
          if (b >= k) {
            fg += hist[base + b];
          } else {
            bg += hist[base + b];
          }
        }
        m.addCount(g, c, fg);
        m.addCount(g, 0, bg);
      }
    }
    return m;
  }

  public ThresholdGrid grid() {
    return grid;
  }

  /** The threshold index with the highest mIoU (the first of equals). */
  public int bestIndex() {
    int best = 0;
    double bestIou = -1;
    for (int k = 0; k < grid.size(); k++) {
      double m = confusion(k).meanIou();
      if (m > bestIou) {
        bestIou = m;
        best = k;
      }
    }
    return best;
  }
}
