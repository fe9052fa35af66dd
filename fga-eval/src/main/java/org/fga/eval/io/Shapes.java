package org.fga.eval.io;

import java.util.StringJoiner;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.NdArray;

/** Shape checks whose errors name both inputs and both shapes. */
public final class Shapes {
  private Shapes() {}

  /** Formats a shape as numpy does: {@code (3,)} or {@code (3, 4)}. */
  public static String format(int... shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringJoiner j = new StringJoiner(", ", "(", ")");
    for (int s : shape) {
      j.add(Integer.toString(s));
    }
    return j.toString();
  }

  /** Fails unless axis {@code axisA} of {@code a} has the length of axis {@code axisB} of {@code b}. */
  public static void requireSameLength(NdArray a, int axisA, NdArray b, int axisB) {
    if (a.dim(axisA) != b.dim(axisB)) {
      throw mismatch(a.source(), a.shape(), b.source(), b.shape(), "axis " + axisA + " vs axis " + axisB);
    }
  }

  /** Fails unless both arrays have the same shape. */
  public static void requireSameShape(NdArray a, NdArray b) {
    if (!java.util.Arrays.equals(a.shape(), b.shape())) {
      throw mismatch(a.source(), a.shape(), b.source(), b.shape(), "shapes must be equal");
    }
  }

  /** The error for two inputs whose shapes do not agree. */
  public static FgaUserException mismatch(String nameA, int[] shapeA, String nameB, int[] shapeB, String why) {
    return new FgaUserException(
        String.format(
            "shape mismatch: %s has shape %s but %s has shape %s (%s)",
            nameA, format(shapeA), nameB, format(shapeB), why));
  }

  /** Fails unless {@code n} (the length of {@code nameA}) equals {@code m} (of {@code nameB}). */
  public static void requireLength(String nameA, int n, String nameB, int m) {
    if (n != m) {
      throw mismatch(nameA, new int[] {n}, nameB, new int[] {m}, "lengths must be equal");
    }
  }
}
