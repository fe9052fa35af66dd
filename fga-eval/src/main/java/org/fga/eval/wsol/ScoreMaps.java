package org.fga.eval.wsol;

import java.util.List;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.NdArray;

/**
 * A set of score maps, one per image, read one at a time (so N×H×W inputs larger than the heap
 * can be memory-mapped), and their min-max normalisation.
 */
public interface ScoreMaps {
  int count();

  int height(int i);

  int width(int i);

  /** Writes map {@code i}, row-major, into {@code out[0 .. height*width)}. */
  void copy(int i, double[] out);

  /** The maps of an N×H×W array. */
  static ScoreMaps of(NdArray a) {
    a.requireRank(3);
    int n = a.dim(0);
    int h = a.dim(1);
    int w = a.dim(2);
    return new ScoreMaps() {
      @Override
      public int count() {
        return n;
      }

      @Override
      public int height(int i) {
        return h;
      }

      @Override
      public int width(int i) {
        return w;
      }

      @Override
      public void copy(int i, double[] out) {
        a.copyDoubles((long) i * h * w, out, 0, h * w);
      }
    };
  }

  /** Maps held as {@code [image][row][column]}; images may differ in size. */
  static ScoreMaps of(float[][][] maps) {
    return new ScoreMaps() {
      @Override
      public int count() {
        return maps.length;
      }

      @Override
      public int height(int i) {
        return maps[i].length;
      }

      @Override
      public int width(int i) {
        return maps[i].length == 0 ? 0 : maps[i][0].length;
      }

      @Override
      public void copy(int i, double[] out) {
        int w = width(i);
        for (int y = 0; y < maps[i].length; y++) {
          float[] row = maps[i][y];
          if (row.length != w) {
            throw new FgaUserException("map " + i + ": row " + y + " has " + row.length + " values, row 0 has " + w);
          }
          for (int x = 0; x < w; x++) {
            out[y * w + x] = row[x];
          }
        }
      }
    };
  }

  /** Maps given as flat row-major arrays with their sizes. */
  static ScoreMaps of(List<double[]> maps, int height, int width) {
    return new ScoreMaps() {
      @Override
      public int count() {
        return maps.size();
      }

      @Override
      public int height(int i) {
        return height;
      }

      @Override
      public int width(int i) {
        return width;
      }

      @Override
      public void copy(int i, double[] out) {
        System.arraycopy(maps.get(i), 0, out, 0, height * width);
      }
    };
  }

  /**
   * Min-max normalises {@code v[0..n)} in place, in double precision: (v − min)/(max − min). A
   * constant map becomes all zeros (as in wsolevaluation's {@code normalize_scoremap}): it is then
   * in the mask only at τ = 0, where the mask is the whole image. NaN or infinite values are
   * refused, naming the map.
   */
  static void normalize(double[] v, int n, int mapIndex) {
    if (n == 0) {
      throw new FgaUserException("map " + mapIndex + " has no pixels");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < n; p++) {
      double x = v[p];
      if (!(x >= min)) {
        if (Double.isNaN(x)) {
          throw new FgaUserException("map " + mapIndex + " has a NaN at pixel " + p);
        }
        min = x;
      }
      if (x > max) {
        max = x;
      }
    }
    if (Double.isInfinite(min) || Double.isInfinite(max)) {
      throw new FgaUserException("map " + mapIndex + " has an infinite value");
    }
    if (max == min) {
      java.util.Arrays.fill(v, 0, n, 0.0);
      return;
    }
    double range = max - min;
    for (int p = 0; p < n; p++) {
      v[p] = (v[p] - min) / range;
    }
  }
}
