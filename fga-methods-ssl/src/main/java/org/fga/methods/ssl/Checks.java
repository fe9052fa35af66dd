package org.fga.methods.ssl;

/** Config checks: a failed one is a one-line error naming the key. */
final class Checks {
  private Checks() {}

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  static double or(Double v, double d) {
    return v == null ? d : v;
  }

  static int or(Integer v, int d) {
    return v == null ? d : v;
  }
}
