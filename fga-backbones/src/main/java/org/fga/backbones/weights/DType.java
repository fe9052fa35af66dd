package org.fga.backbones.weights;

import java.util.Locale;
import org.fga.core.error.FgaUserException;

/** The element types our tensor files carry, with their safetensors and numpy spellings. */
public enum DType {
  F32("F32", "f4", 4),
  F64("F64", "f8", 8),
  F16("F16", "f2", 2),
  BF16("BF16", null, 2),
  I64("I64", "i8", 8),
  I32("I32", "i4", 4);

  private final String safetensors;
  private final String numpy;
  private final int bytes;

  DType(String safetensors, String numpy, int bytes) {
    this.safetensors = safetensors;
    this.numpy = numpy;
    this.bytes = bytes;
  }

  /** The {@code dtype} string of a safetensors header. */
  public String safetensorsName() {
    return safetensors;
  }

  /** The numpy type code without byte order ({@code f4}), or null when numpy has none. */
  public String numpyCode() {
    return numpy;
  }

  public int bytes() {
    return bytes;
  }

  /** The type a safetensors header names, or a user error naming the file and the tensor. */
  public static DType fromSafetensors(String name, String file, String tensor) {
    for (DType t : values()) {
      if (t.safetensors.equals(name)) {
        return t;
      }
    }
    throw new FgaUserException(
        String.format(
            Locale.ROOT,
            "%s: tensor %s has dtype %s; supported: F32, F64, F16, BF16, I64, I32",
            file,
            tensor,
            name));
  }

  /** The type of a numpy code without byte order ({@code f4}), or null if unsupported. */
  public static DType fromNumpy(String code) {
    for (DType t : values()) {
      if (code.equals(t.numpy)) {
        return t;
      }
    }
    return null;
  }
}
