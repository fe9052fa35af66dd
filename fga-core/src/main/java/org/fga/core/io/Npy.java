package org.fga.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fga.core.error.FgaUserException;

/**
 * numpy's {@code .npy} format, versions 1 to 3: the magic {@code \x93NUMPY}, a version, a header
 * length (2 bytes in version 1, 4 in versions 2 and 3), a Python dict literal with {@code descr},
 * {@code fortran_order} and {@code shape}, then the raw data. The one reader and writer of fga:
 * scores for fga-eval, weights and logits for fga-backbones.
 *
 * <p>A little-endian C-order file is memory-mapped, so large attention-map or distance files cost
 * no copy; big-endian and Fortran-ordered arrays are converted to little-endian C order on the
 * heap. Writing uses version 1.0, little-endian, C order, the header padded so the data starts
 * 64-byte aligned, as numpy does.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** The parsed header: element type, byte order, layout and where the data starts. */
  private record Header(DType dtype, boolean bigEndian, boolean fortran, int[] shape, long dataStart) {
    long dataBytes() {
      long n = 1;
      for (int s : shape) {
        n *= s;
      }
      return n * dtype.bytes();
    }

    boolean needsConversion() {
      return (bigEndian && dtype.bytes() > 1) || (fortran && shape.length > 1);
    }
  }

  /** Reads {@code path}; every problem is a {@link FgaUserException} naming the file. */
  public static NdArray read(Path path) {
    String src = path.toString();
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, head, 0, src);
      int headerLen = headerLength(head, src);
      long dataStart = head.get(6) == 1 ? 10 + (long) headerLen : 12 + (long) headerLen;
      ByteBuffer hb = ByteBuffer.allocate(headerLen);
      readFully(ch, hb, dataStart - headerLen, src);
      Header h = header(hb.array(), 0, headerLen, head.get(6) & 0xff, dataStart, src);
      long bytes = h.dataBytes();
      if (ch.size() < dataStart + bytes) {
        throw truncated(src, h, ch.size() - dataStart);
      }
      if (h.needsConversion()) {
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(bytes));
        readFully(ch, all, dataStart, src);
        all.flip();
        return convert(src, h, all);
      }
      List<ByteBuffer> chunks = new ArrayList<>();
      long chunkBytes = 1L << NdArray.CHUNK_SHIFT;
      for (long off = 0; off < bytes || chunks.isEmpty(); off += chunkBytes) {
        long len = Math.min(chunkBytes, bytes - off);
        chunks.add(ch.map(FileChannel.MapMode.READ_ONLY, dataStart + off, len));
      }
      return new NdArray(src, h.dtype(), h.shape(), chunks.toArray(new ByteBuffer[0]));
    } catch (NoSuchFileException e) {
      throw new FgaUserException(src + ": no such file");
    } catch (IOException e) {
      throw new FgaUserException(src + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Parses one {@code .npy} image held in memory (an entry of an {@code .npz} archive).
   *
   * @param source names the file (or archive entry) in error messages
   */
  public static NdArray read(byte[] bytes, String source) {
    if (bytes.length < 12) {
      throw new FgaUserException(source + ": not a .npy file (bad magic)");
    }
    ByteBuffer head = ByteBuffer.wrap(bytes, 0, 12).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen = headerLength(head, source);
    long dataStart = bytes[6] == 1 ? 10 + (long) headerLen : 12 + (long) headerLen;
    if (dataStart > bytes.length) {
      throw new FgaUserException(source + ": truncated .npy header");
    }
    Header h = header(bytes, (int) (dataStart - headerLen), headerLen, bytes[6] & 0xff, dataStart, source);
    long nbytes = h.dataBytes();
    if (bytes.length - dataStart < nbytes) {
      throw truncated(source, h, bytes.length - dataStart);
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, (int) dataStart, (int) nbytes).slice();
    return h.needsConversion() ? convert(source, h, data) : NdArray.of(source, h.dtype(), h.shape(), data);
  }

  /** Checks the magic and version; returns the header's length. */
  private static int headerLength(ByteBuffer head, String src) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (head.get(i) != MAGIC[i]) {
        throw new FgaUserException(src + ": not a .npy file (bad magic)");
      }
    }
    int major = head.get(6) & 0xFF;
    long len;
    if (major == 1) {
      len = head.getShort(8) & 0xFFFF;
    } else if (major == 2 || major == 3) {
      len = head.getInt(8) & 0xFFFFFFFFL;
    } else {
      throw new FgaUserException(src + ": unsupported .npy version " + major + " (supported: 1, 2, 3)");
    }
    if (len > Integer.MAX_VALUE) {
      throw new FgaUserException(src + ": .npy header of " + len + " bytes");
    }
    return (int) len;
  }

  private static Header header(byte[] bytes, int from, int len, int major, long dataStart, String src) {
    String text = new String(bytes, from, len, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, text, "descr", src);
    char order = descr.isEmpty() ? '|' : descr.charAt(0);
    String code = "<>|=".indexOf(order) >= 0 ? descr.substring(1) : descr;
    DType dtype = DType.fromNumpy(code, descr, src);
    boolean fortran = "True".equals(group(FORTRAN, text, "fortran_order", src));
    return new Header(dtype, order == '>', fortran, parseShape(group(SHAPE, text, "shape", src), src), dataStart);
  }

  private static FgaUserException truncated(String src, Header h, long have) {
    return new FgaUserException(String.format("%s: truncated: shape %s of %s needs %d data bytes, file has %d",
        src, NdArray.format(h.shape()), h.dtype().descr(), h.dataBytes(), have));
  }

  /** Little-endian, C-order copy of big-endian or Fortran-ordered data. */
  private static NdArray convert(String src, Header h, ByteBuffer data) {
    int width = h.dtype().bytes();
    if (h.bigEndian() && width > 1) {
      data = byteSwapped(data, width);
    }
    if (h.fortran() && h.shape().length > 1) {
      data = fortranToC(data, h.shape(), width);
    }
    return NdArray.of(src, h.dtype(), h.shape(), data);
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos, String src) throws IOException {
    long start = pos - buf.position();
    while (buf.hasRemaining()) {
      int r = ch.read(buf, start + buf.position());
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

  private static ByteBuffer byteSwapped(ByteBuffer in, int width) {
    byte[] out = new byte[in.remaining()];
    int base = in.position();
    for (int i = 0; i < out.length; i += width) {
      for (int k = 0; k < width; k++) {
        out[i + k] = in.get(base + i + width - 1 - k);
      }
    }
    return ByteBuffer.wrap(out);
  }

  /** Reorders column-major data to row-major. */
  private static ByteBuffer fortranToC(ByteBuffer in, int[] shape, int width) {
    int dims = shape.length;
    long[] fStride = new long[dims];
    long acc = 1;
    for (int k = 0; k < dims; k++) {
      fStride[k] = acc;
      acc *= shape[k];
    }
    int n = Math.toIntExact(acc);
    byte[] out = new byte[n * width];
    long[] idx = new long[dims];
    int base = in.position();
    for (int c = 0; c < n; c++) {
      long off = 0;
      for (int k = 0; k < dims; k++) {
        off += idx[k] * fStride[k];
      }
      for (int b = 0; b < width; b++) {
        out[c * width + b] = in.get(base + (int) off * width + b);
      }
      for (int k = dims - 1; k >= 0; k--) { // next C-order index: last axis fastest
        if (++idx[k] < shape[k]) {
          break;
        }
        idx[k] = 0;
      }
    }
    return ByteBuffer.wrap(out);
  }

  /** Writes {@code array} atomically (a temp file, then a rename). */
  public static void write(Path file, NdArray array) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = TempFiles.beside(file);
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(out, array);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes the {@code .npy} image of {@code array} to a stream (an {@code .npz} entry, say). */
  public static void write(OutputStream out, NdArray array) throws IOException {
    out.write(header(array.dtype(), array.shape()));
    array.writeData(Channels.newChannel(out));
    out.flush();
  }

  /** Writes raw little-endian C-order bytes of {@code dtype} and {@code shape}. */
  public static void write(Path path, DType dtype, int[] shape, byte[] data) throws IOException {
    write(path, NdArray.of(path.toString(), dtype, shape, ByteBuffer.wrap(data)));
  }

  /** Writes a float32 array (benchmarks and tests stage inputs with it). */
  public static void writeFloat32(Path path, int[] shape, float[] data) throws IOException {
    write(path, NdArray.ofFloats(path.toString(), shape, data));
  }

  /** Writes a float64 array. */
  public static void writeFloat64(Path path, int[] shape, double[] data) throws IOException {
    write(path, NdArray.ofDoubles(path.toString(), shape, data));
  }

  /** Writes an int64 array. */
  public static void writeInt64(Path path, int[] shape, long[] data) throws IOException {
    write(path, NdArray.ofLongs(path.toString(), shape, data));
  }

  private static byte[] header(DType dtype, int[] shape) {
    String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': "
        + NdArray.format(shape) + ", }";
    // numpy pads the header with spaces and a newline so the data starts 64-byte aligned
    int total = 10 + dict.length() + 1;
    int padded = (total + 63) / 64 * 64;
    String text = dict + " ".repeat(padded - total) + "\n";
    ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
    b.put(text.getBytes(StandardCharsets.ISO_8859_1));
    return b.array();
  }
}
