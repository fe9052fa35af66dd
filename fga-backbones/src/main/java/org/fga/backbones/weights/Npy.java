package org.fga.backbones.weights;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fga.core.error.FgaUserException;

/**
 * numpy's {@code .npy} format: the magic {@code \x93NUMPY}, a version, a header length (2 bytes in
 * version 1, 4 in versions 2 and 3), a Python dict literal with {@code descr}, {@code
 * fortran_order} and {@code shape}, then the raw data. Big-endian and Fortran-ordered arrays are
 * converted to little-endian C order on reading; writing uses version 1.0, little-endian, C order.
 *
 * <p>fga-eval has its own reader for scores; this one serves weights and {@code fga predict}'s
 * logits so that fga-backbones depends on nothing but fga-core.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-zA-Z]\\d*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  public static Tensor read(Path file) {
    try {
      return read(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new FgaUserException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses one {@code .npy} image.
   *
   * @param source names the file (or archive entry) in error messages
   */
  public static Tensor read(byte[] bytes, String source) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes.length < 10 || bytes[i] != MAGIC[i]) {
        throw bad(source, "missing the \\x93NUMPY magic");
      }
    }
    int major = bytes[6] & 0xff;
    int headerLen;
    int dataStart;
    if (major == 1) {
      headerLen = b.getShort(8) & 0xffff;
      dataStart = 10 + headerLen;
    } else if (major == 2 || major == 3) {
      headerLen = b.getInt(8);
      dataStart = 12 + headerLen;
    } else {
      throw bad(source, "unknown format version " + major);
    }
    if (headerLen < 0 || dataStart > bytes.length) {
      throw bad(source, "header runs past the end of the file");
    }
    String header =
        new String(bytes, dataStart - headerLen, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher f = FORTRAN.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !f.find() || !s.find()) {
      throw bad(source, "header lacks descr, fortran_order or shape: " + header.trim());
    }
    DType dtype = DType.fromNumpy(d.group(2));
    if (dtype == null) {
      throw bad(
          source,
          "dtype '" + d.group(1) + d.group(2) + "' is not supported (f4, f8, f2, i8, i4)"
              + (d.group(2).equals("O") ? "; a pickled object (e.g. a dict) cannot be read: save it with numpy.savez" : ""));
    }
    long[] shape = parseShape(s.group(1), source);
    long nbytes = Tensor.numel(shape) * dtype.bytes();
    if (bytes.length - dataStart < nbytes) {
      throw bad(source, "holds " + (bytes.length - dataStart) + " data bytes, shape "
          + Tensor.shapeText(shape) + " of " + dtype + " needs " + nbytes);
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) nbytes).slice();
    if (d.group(1).equals(">")) {
      data = byteSwapped(data, dtype.bytes());
    }
    if (f.group(1).equals("True") && shape.length > 1) {
      data = fortranToC(data, shape, dtype.bytes());
    }
    return new Tensor(dtype, shape, data);
  }

  private static long[] parseShape(String text, String source) {
    String[] parts = text.split(",");
    int n = 0;
    long[] dims = new long[parts.length];
    for (String p : parts) {
      if (!p.isBlank()) {
        try {
          dims[n++] = Long.parseLong(p.trim().replace("L", ""));
        } catch (NumberFormatException e) {
          throw bad(source, "bad shape (" + text + ")");
        }
      }
    }
    return java.util.Arrays.copyOf(dims, n);
  }

  private static ByteBuffer byteSwapped(ByteBuffer in, int width) {
    byte[] out = new byte[in.remaining()];
    for (int i = 0; i < out.length; i += width) {
      for (int k = 0; k < width; k++) {
        out[i + k] = in.get(in.position() + i + width - 1 - k);
      }
    }
    return ByteBuffer.wrap(out);
  }

  /** Reorders column-major data to row-major. */
  private static ByteBuffer fortranToC(ByteBuffer in, long[] shape, int width) {
    int n = Math.toIntExact(Tensor.numel(shape));
    int dims = shape.length;
    long[] fStride = new long[dims];
    long acc = 1;
    for (int k = 0; k < dims; k++) {
      fStride[k] = acc;
      acc *= shape[k];
    }
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

  /** Writes {@code tensor} as a version 1.0, little-endian, C-order {@code .npy}, atomically. */
  public static void write(Path file, Tensor tensor) throws IOException {
    if (tensor.dtype().numpyCode() == null) {
      throw new IllegalArgumentException("numpy has no " + tensor.dtype() + " type");
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(out, tensor);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes the {@code .npy} image of {@code tensor} to a stream. */
  public static void write(OutputStream out, Tensor tensor) throws IOException {
    out.write(header(tensor));
    ByteBuffer d = tensor.data();
    byte[] chunk = new byte[Math.min(d.remaining(), 1 << 20)];
    while (d.hasRemaining()) {
      int n = Math.min(chunk.length, d.remaining());
      d.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }

  private static byte[] header(Tensor tensor) {
    long[] shape = tensor.shape();
    StringBuilder dims = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      dims.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    if (shape.length == 1) {
      dims.append(',');
    }
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '<%s', 'fortran_order': False, 'shape': (%s), }",
            tensor.dtype().numpyCode(),
            dims);
    // numpy pads the header with spaces and a newline so the data starts 64-byte aligned.
    int total = 10 + dict.length() + 1;
    int padded = (total + 63) / 64 * 64;
    String text = dict + " ".repeat(padded - total) + "\n";
    ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
    b.put(text.getBytes(StandardCharsets.ISO_8859_1));
    return b.array();
  }

  private static FgaUserException bad(String source, String why) {
    return new FgaUserException("not a readable .npy file " + source + ": " + why);
  }
}
