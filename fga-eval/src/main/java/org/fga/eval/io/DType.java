package org.fga.eval.io;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.fga.core.error.FgaUserException;

/** The element types we read, with their numpy {@code descr} strings (little-endian). */
public enum DType {
  FLOAT32("<f4", 4),
  FLOAT64("<f8", 8),
  INT32("<i4", 4),
  INT64("<i8", 8),
  UINT8("|u1", 1),
  BOOL("|b1", 1);

  private final String descr;
  private final int size;

  DType(String descr, int size) {
    this.descr = descr;
    this.size = size;
  }

  public String descr() {
    return descr;
  }

  public int size() {
    return size;
  }

  public boolean isFloating() {
    return this == FLOAT32 || this == FLOAT64;
  }

  /** Parses a numpy descr; {@code source} names the file in the error message. */
  public static DType ofDescr(String descr, String source) {
    String d = descr;
    // One-byte types may be written with any byte-order mark; '=' means native (little here).
    if (d.length() == 3 && d.charAt(2) == '1' && (d.charAt(0) == '<' || d.charAt(0) == '=' || d.charAt(0) == '>')) {
      d = "|" + d.substring(1);
    } else if (d.startsWith("=")) {
      d = "<" + d.substring(1);
    }
    for (DType t : values()) {
      if (t.descr.equals(d)) {
        return t;
      }
    }
    String hint = d.startsWith(">") ? " (big-endian: save with arr.astype(arr.dtype.newbyteorder('<')))" : "";
    throw new FgaUserException(
        String.format(
            "%s: unsupported dtype '%s'%s; supported: %s",
            source,
            descr,
            hint,
            Arrays.stream(values()).map(t -> t.name().toLowerCase() + " " + t.descr).collect(Collectors.joining(", "))));
  }
}
