package org.fga.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.fga.core.error.FgaUserException;

/**
 * An n-dimensional array in C order, little-endian: what {@link Npy} reads and writes, and the
 * weights {@code .safetensors} and {@code .npz} files hold. The values stay in their stored type
 * (in memory-mapped or heap buffers of at most 1 GiB each, so arrays larger than 2 GiB work) and
 * are read through typed accessors; nothing is copied until a caller asks for a Java array.
 */
public final class NdArray {
  static final int CHUNK_SHIFT = 30;
  private static final long CHUNK_MASK = (1L << CHUNK_SHIFT) - 1;

  private final String source;
  private final DType dtype;
  private final int[] shape;
  private final long size;
  private final ByteBuffer[] chunks;

  /**
   * An array over {@code data}'s remaining bytes (little-endian, C order), which must be exactly
   * the shape's size; {@code source} names it in error messages.
   */
  public static NdArray of(String source, DType dtype, int[] shape, ByteBuffer data) {
    long n = 1;
    for (int s : shape) {
      n *= s;
    }
    if (data.remaining() != n * dtype.bytes()) {
      throw new IllegalArgumentException(source + ": shape " + Arrays.toString(shape) + " of " + dtype
          + " needs " + n * dtype.bytes() + " bytes, got " + data.remaining());
    }
    long chunkBytes = 1L << CHUNK_SHIFT;
    int count = (int) Math.max(1, (data.remaining() + chunkBytes - 1) / chunkBytes);
    ByteBuffer[] chunks = new ByteBuffer[count];
    for (int k = 0; k < count; k++) {
      ByteBuffer c = data.duplicate();
      int from = data.position() + (int) (k * chunkBytes);
      c.position(from).limit((int) Math.min(data.limit(), from + chunkBytes));
      chunks[k] = c.slice();
    }
    return new NdArray(source, dtype, shape, chunks);
  }

  NdArray(String source, DType dtype, int[] shape, ByteBuffer[] chunks) {
    this.source = source;
    this.dtype = dtype;
    this.shape = shape.clone();
    long n = 1;
    for (int s : shape) {
      n *= s;
    }
    this.size = n;
    this.chunks = new ByteBuffer[chunks.length];
    for (int k = 0; k < chunks.length; k++) {
      this.chunks[k] = chunks[k].duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /** A float64 array held on the heap (tests, CSV input, generated data). */
  public static NdArray ofDoubles(String source, int[] shape, double[] data) {
    checkSize(source, shape, data.length);
    ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(data);
    return new NdArray(source, DType.F64, shape, new ByteBuffer[] {b});
  }

  /** A float32 array held on the heap. */
  public static NdArray ofFloats(String source, int[] shape, float[] data) {
    checkSize(source, shape, data.length);
    ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(data);
    return new NdArray(source, DType.F32, shape, new ByteBuffer[] {b});
  }

  /** An int64 array held on the heap. */
  public static NdArray ofLongs(String source, int[] shape, long[] data) {
    checkSize(source, shape, data.length);
    ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(data);
    return new NdArray(source, DType.I64, shape, new ByteBuffer[] {b});
  }

  private static void checkSize(String source, int[] shape, int n) {
    long expected = 1;
    for (int s : shape) {
      expected *= s;
    }
    if (expected != n) {
      throw new IllegalArgumentException(source + ": shape " + Arrays.toString(shape) + " needs " + expected + " values, got " + n);
    }
  }

  public String source() {
    return source;
  }

  public DType dtype() {
    return dtype;
  }

  public int[] shape() {
    return shape.clone();
  }

  /** The shape as DJL's {@code Shape} and torch spell it. */
  public long[] longShape() {
    return Arrays.stream(shape).asLongStream().toArray();
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int axis) {
    return shape[axis];
  }

  public long size() {
    return size;
  }

  /** The shape as numpy prints it, e.g. {@code (3, 4)}. */
  public String shapeString() {
    return format(shape);
  }

  /** Formats a shape as numpy does: {@code (3,)} or {@code (3, 4)}. */
  public static String format(int... shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    java.util.StringJoiner j = new java.util.StringJoiner(", ", "(", ")");
    for (int s : shape) {
      j.add(Integer.toString(s));
    }
    return j.toString();
  }

  /** Bytes the values take. */
  public long byteSize() {
    return size * dtype.bytes();
  }

  /** Writes the values' bytes (little-endian, C order) to {@code out}. */
  public void writeData(java.nio.channels.WritableByteChannel out) throws java.io.IOException {
    for (ByteBuffer c : chunks) {
      ByteBuffer b = c.duplicate();
      b.rewind();
      while (b.hasRemaining()) {
        out.write(b);
      }
    }
  }

  /** The buffer holding byte offset {@code byteIndex}; elements never straddle two chunks. */
  private ByteBuffer chunk(long byteIndex) {
    return chunks[(int) (byteIndex >>> CHUNK_SHIFT)];
  }

  /** Value {@code i} (flat, C order) as a double. */
  public double getDouble(long i) {
    long b = i * dtype.bytes();
    ByteBuffer buf = chunk(b);
    int off = (int) (b & CHUNK_MASK);
    switch (dtype) {
      case F32:
        return buf.getFloat(off);
      case F64:
        return buf.getDouble(off);
      case F16:
        return HalfFloats.halfToFloat(buf.getShort(off));
      case BF16:
        return Float.intBitsToFloat((buf.getShort(off) & 0xffff) << 16);
      default:
        return integral(buf, off);
    }
  }

  /** All values as float32 (exact for F32, F16, BF16; rounded for F64 and integers). */
  public float[] toFloats() {
    float[] out = new float[checkedIntSize()];
    if (dtype == DType.F32) {
      for (int k = 0; k < out.length; k++) {
        long b = (long) k * 4;
        out[k] = chunk(b).getFloat((int) (b & CHUNK_MASK));
      }
    } else {
      for (int k = 0; k < out.length; k++) {
        out[k] = (float) getDouble(k);
      }
    }
    return out;
  }

  /** Value {@code i} as a long; floating values must be whole numbers. */
  public long getLong(long i) {
    if (dtype.isFloating()) {
      double v = getDouble(i);
      if (v != Math.rint(v) || Double.isInfinite(v)) {
        throw new FgaUserException(source + ": value " + v + " at flat index " + i + " is not a whole number");
      }
      return (long) v;
    }
    long b = i * dtype.bytes();
    return integral(chunk(b), (int) (b & CHUNK_MASK));
  }

  /** An integer-typed value at byte offset {@code off} of {@code buf}. */
  private long integral(ByteBuffer buf, int off) {
    switch (dtype) {
      case I32:
        return buf.getInt(off);
      case I64:
        return buf.getLong(off);
      case U8:
        return buf.get(off) & 0xFF;
      case BOOL:
        return buf.get(off) != 0 ? 1 : 0;
      default:
        throw new AssertionError(dtype);
    }
  }

  /** Copies {@code out.length} values starting at flat index {@code from} into {@code out}. */
  public void copyDoubles(long from, double[] out) {
    copyDoubles(from, out, 0, out.length);
  }

  /** Copies {@code n} values starting at flat index {@code from} into {@code out[offset..]}. */
  public void copyDoubles(long from, double[] out, int offset, int n) {
    if (dtype == DType.F32) {
      for (int k = 0; k < n; k++) {
        long b = (from + k) * 4;
        out[offset + k] = chunk(b).getFloat((int) (b & CHUNK_MASK));
      }
    } else if (dtype == DType.F64) {
      for (int k = 0; k < n; k++) {
        long b = (from + k) * 8;
        out[offset + k] = chunk(b).getDouble((int) (b & CHUNK_MASK));
      }
    } else {
      for (int k = 0; k < n; k++) {
        out[offset + k] = getDouble(from + k);
      }
    }
  }

  /** All values as doubles (the array must hold fewer than 2^31 values). */
  public double[] toDoubles() {
    double[] out = new double[checkedIntSize()];
    copyDoubles(0, out);
    return out;
  }

  /** All values as ints; floating values must be whole numbers, all must fit in an int. */
  public int[] toInts() {
    int[] out = new int[checkedIntSize()];
    for (int i = 0; i < out.length; i++) {
      long v = getLong(i);
      if (v != (int) v) {
        throw new FgaUserException(source + ": value " + v + " at flat index " + i + " does not fit in an int");
      }
      out[i] = (int) v;
    }
    return out;
  }

  /** Row {@code r} of a 2-D array as doubles. */
  public double[] row(int r) {
    requireRank(2);
    double[] out = new double[shape[1]];
    copyDoubles((long) r * shape[1], out);
    return out;
  }

  /** A 2-D array as rows of doubles. */
  public double[][] toMatrix() {
    requireRank(2);
    double[][] out = new double[shape[0]][];
    for (int r = 0; r < shape[0]; r++) {
      out[r] = row(r);
    }
    return out;
  }

  private int checkedIntSize() {
    if (size > Integer.MAX_VALUE - 8) {
      throw new FgaUserException(source + ": " + size + " values are too many to load at once");
    }
    return (int) size;
  }

  /** Fails with a user error unless the array has {@code rank} axes. */
  public NdArray requireRank(int rank) {
    if (shape.length != rank) {
      throw new FgaUserException(
          String.format("%s: expected a %d-D array, got shape %s", source, rank, shapeString()));
    }
    return this;
  }
}
