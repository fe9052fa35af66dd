package org.fga.perf;

import java.util.Arrays;

/** The median every benchmark reports (mean of the two middle values for an even count). */
public final class Medians {
  private Medians() {}

  public static double of(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  public static double of(long[] xs) {
    return of(Arrays.stream(xs).asDoubleStream().toArray());
  }
}
