package org.fga.datasets.fashion;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.fga.core.error.FgaUserException;

/**
 * LeCun's IDX format as MNIST and Fashion-MNIST ship it: a big-endian magic {@code 0x0000 08 nd}
 * (unsigned bytes, {@code nd} dimensions), the {@code nd} sizes as big-endian ints, then the bytes.
 * A file is read gzipped or not, told apart by its first two bytes, not its name: the Debian
 * package keeps the {@code .gz} files, other copies are unpacked.
 */
public final class Idx {
  private static final int UBYTE = 0x08;

  private Idx() {}

  /**
   * The array of {@code file}.
   *
   * @param dims its dimensions (count first)
   * @param data its bytes, row-major
   */
  public record Array(int[] dims, byte[] data) {
    public int count() {
      return dims[0];
    }
  }

  /**
   * Reads an unsigned-byte IDX file with {@code expectedDims} dimensions; anything else (a
   * truncated file, a wrong magic, trailing bytes) is one line naming the file.
   */
  public static Array read(Path file, int expectedDims) {
    try (InputStream in = open(file)) {
      byte[] head = in.readNBytes(4);
      if (head.length < 4 || head[0] != 0 || head[1] != 0 || head[2] != UBYTE || head[3] != expectedDims) {
        throw new FgaUserException(
            file + " is not an IDX file of unsigned bytes with " + expectedDims
                + " dimensions (magic 0x000008" + String.format("%02x", expectedDims) + ", found 0x"
                + hex(head) + ")");
      }
      int[] dims = new int[expectedDims];
      long total = 1;
      for (int d = 0; d < expectedDims; d++) {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) {
          throw new FgaUserException(file + " ends inside its IDX header");
        }
        dims[d] = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if (dims[d] < 0) {
          throw new FgaUserException(file + " has a negative IDX dimension");
        }
        total *= dims[d];
      }
      if (total > Integer.MAX_VALUE - 16) {
        throw new FgaUserException(file + " declares " + total + " bytes, more than can be read");
      }
      byte[] data = in.readNBytes((int) total);
      if (data.length < total) {
        throw new FgaUserException(
            file + " is truncated: its header declares " + total + " bytes of data, found " + data.length);
      }
      if (in.read() != -1) {
        throw new FgaUserException(file + " has bytes after the " + total + " its IDX header declares");
      }
      return new Array(dims, data);
    } catch (java.util.zip.ZipException e) {
      throw new FgaUserException(file + " is a damaged gzip file: " + e.getMessage());
    } catch (java.io.EOFException e) {
      throw new FgaUserException(file + " is a truncated gzip file");
    } catch (IOException e) {
      throw new FgaUserException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02x", x & 0xFF));
    }
    return s.toString();
  }
}
