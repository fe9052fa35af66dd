package org.fga.eval.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fga.core.error.FgaUserException;

/**
 * The numpy {@code .npy} format, versions 1 to 3: C order, little-endian, the dtypes of {@link
 * DType}. Reading memory-maps the file, so large attention-map or distance files cost no copy.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** Reads {@code path}; every problem is a {@link FgaUserException} naming the file. */
  public static NdArray read(Path path) {
    String src = path.toString();
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, head, 0, src);
      for (int i = 0; i < MAGIC.length; i++) {
        if (head.get(i) != MAGIC[i]) {
          throw new FgaUserException(src + ": not a .npy file (bad magic)");
        }
      }
      int major = head.get(6) & 0xFF;
      long headerLen;
      long dataStart;
      if (major == 1) {
        headerLen = head.getShort(8) & 0xFFFF;
        dataStart = 10 + headerLen;
      } else if (major == 2 || major == 3) {
        headerLen = head.getInt(8) & 0xFFFFFFFFL;
        dataStart = 12 + headerLen;
      } else {
        throw new FgaUserException(src + ": unsupported .npy version " + major + " (supported: 1, 2, 3)");
      }
      ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
      readFully(ch, hb, dataStart - headerLen, src);
      String header = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      DType dtype = DType.ofDescr(group(DESCR, header, "descr", src), src);
      if ("True".equals(group(FORTRAN, header, "fortran_order", src))) {
        throw new FgaUserException(src + ": Fortran-order arrays are not supported; save with np.ascontiguousarray(a)");
      }
      int[] shape = parseShape(group(SHAPE, header, "shape", src), src);
      long n = 1;
      for (int s : shape) {
        n *= s;
      }
      long bytes = n * dtype.size();
      if (ch.size() < dataStart + bytes) {
        throw new FgaUserException(
            String.format("%s: truncated: shape %s of %s needs %d data bytes, file has %d",
                src, Shapes.format(shape), dtype.name().toLowerCase(), bytes, ch.size() - dataStart));
      }
      List<ByteBuffer> chunks = new ArrayList<>();
      long chunkBytes = 1L << NdArray.CHUNK_SHIFT;
      for (long off = 0; off < bytes || chunks.isEmpty(); off += chunkBytes) {
        long len = Math.min(chunkBytes, bytes - off);
        chunks.add(ch.map(FileChannel.MapMode.READ_ONLY, dataStart + off, len));
      }
      return new NdArray(src, dtype, shape, chunks.toArray(new ByteBuffer[0]));
    } catch (NoSuchFileException e) {
      throw new FgaUserException(src + ": no such file");
    } catch (IOException e) {
      throw new FgaUserException(src + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos, String src) throws IOException {
    while (buf.hasRemaining()) {
      int r = ch.read(buf, pos + buf.position());
      if (r < 0) {
        throw new FgaUserException(src + ": truncated .npy header");
      }
    }
  }

  private static String group(Pattern p, String header, String key, String src) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new FgaUserException(src + ": .npy header has no '" + key + "': " + header.trim());
    }
    return m.group(1);
  }

  private static int[] parseShape(String s, String src) {
    List<Integer> dims = new ArrayList<>();
    for (String part : s.split(",")) {
      String t = part.trim();
      if (!t.isEmpty()) {
        try {
          dims.add(Integer.parseInt(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
        } catch (NumberFormatException e) {
          throw new FgaUserException(src + ": bad shape (" + s + ")");
        }
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Writes a float32 array (used by benchmarks and tests to stage inputs). */
  public static void writeFloat32(Path path, int[] shape, float[] data) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(data);
    write(path, DType.FLOAT32, shape, b.array());
  }

  /** Writes a float64 array. */
  public static void writeFloat64(Path path, int[] shape, double[] data) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(data);
    write(path, DType.FLOAT64, shape, b.array());
  }

  /** Writes an int64 array. */
  public static void writeInt64(Path path, int[] shape, long[] data) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(data);
    write(path, DType.INT64, shape, b.array());
  }

  /** Writes raw little-endian bytes with a version 1 header padded to 64 bytes, as numpy does. */
  public static void write(Path path, DType dtype, int[] shape, byte[] data) throws IOException {
    String header =
        "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + Shapes.format(shape) + ", }";
    int total = 10 + header.length() + 1;
    int pad = (64 - total % 64) % 64;
    String padded = header + " ".repeat(pad) + "\n";
    try (OutputStream out = Files.newOutputStream(path)) {
      out.write(MAGIC);
      out.write(1);
      out.write(0);
      out.write(padded.length() & 0xFF);
      out.write((padded.length() >>> 8) & 0xFF);
      out.write(padded.getBytes(StandardCharsets.ISO_8859_1));
      out.write(data);
    }
  }
}
