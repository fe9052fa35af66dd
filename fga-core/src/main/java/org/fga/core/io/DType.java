package org.fga.core.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fga.core.error.FgaUserException;

/**
 * The element types of the arrays fga reads and writes ({@code .npy}, {@code .npz},
 * {@code .safetensors}), with their numpy and safetensors spellings.
 */
public enum DType {
  F32("f4", "F32", 4),
  F64("f8", "F64", 8),
  F16("f2", "F16", 2),
  /** bfloat16: safetensors only (numpy has no such type). */
  BF16(null, "BF16", 2),
  I64("i8", "I64", 8),
  I32("i4", "I32", 4),
  U8("u1", "U8", 1),
  BOOL("b1", "BOOL", 1);

  private final String numpy;
  private final String safetensors;
  private final int bytes;

  DType(String numpy, String safetensors, int bytes) {
    this.numpy = numpy;
    this.safetensors = safetensors;
    this.bytes = bytes;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** The numpy type code without byte order ({@code f4}), or null when numpy has none. */
  public String numpyCode() {
    return numpy;
  }

  /** The little-endian numpy {@code descr} ({@code <f4}; {@code |u1} for one-byte types). */
  public String descr() {
    if (numpy == null) {
      throw new IllegalArgumentException("numpy has no " + this + " type");
    }
    return (bytes == 1 ? "|" : "<") + numpy;
  }

  /** The {@code dtype} string of a safetensors header. */
  public String safetensorsName() {
    return safetensors;
  }

  public boolean isFloating() {
    return this == F32 || this == F64 || this == F16 || this == BF16;
  }

  /** The type a safetensors header names, or a user error naming the file and the tensor. */
  public static DType fromSafetensors(String name, String file, String tensor) {
    for (DType t : values()) {
      if (t.safetensors.equals(name)) {
        return t;
      }
    }
    throw new FgaUserException(String.format(Locale.ROOT, "%s: tensor %s has dtype %s; supported: %s",
        file, tensor, name, Arrays.stream(values()).map(DType::safetensorsName).collect(Collectors.joining(", "))));
  }

  /** The type of a numpy code without byte order ({@code f4}), or a user error naming {@code source}. */
  static DType fromNumpy(String code, String descr, String source) {
    for (DType t : values()) {
      if (code.equals(t.numpy)) {
        return t;
      }
    }
    throw new FgaUserException(String.format(Locale.ROOT, "%s: unsupported dtype '%s'; supported: %s%s",
        source, descr,
        Arrays.stream(values()).filter(t -> t.numpy != null).map(DType::descr).collect(Collectors.joining(", ")),
        code.equals("O") ? "; a pickled object (e.g. a dict) cannot be read: save it with numpy.savez" : ""));
  }
}
