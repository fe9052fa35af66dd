package org.fga.datasets.fashion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.core.error.FgaUserException;

/**
 * The garments of one Fashion-MNIST file pair (training or test): 28x28 grey images and their
 * labels, as read from the IDX files. Immutable; shared by every split opened from one root.
 */
public final class Garments {
  /** Side of every garment image. */
  public static final int SIDE = 28;

  /** Which file pair: the 60,000 training garments or the 10,000 test garments. */
  public enum Part {
    TRAIN("train"),
    TEST("t10k");

    final String prefix;

    Part(String prefix) {
      this.prefix = prefix;
    }
  }

  private final Part part;
  private final byte[] pixels;
  private final byte[] labels;

  private Garments(Part part, byte[] pixels, byte[] labels) {
    this.part = part;
    this.pixels = pixels;
    this.labels = labels;
  }

  // the 60,000 training garments are 47 MB; every split of every run opened from one root shares
  // them, and the least recently used root is dropped so tests over several fixtures stay small
  private static final Map<String, Garments> CACHE =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Garments> e) {
          return size() > 4;
        }
      };

  /** The package's folder, where {@code apt-get install dataset-fashion-mnist} puts the files. */
  public static final String DEFAULT_ROOT = "/usr/share/datasets/fashion-mnist";

  /** The file of {@code kind} ({@code images-idx3} or {@code labels-idx1}), gzipped or not. */
  public static Path file(Path root, Part part, String kind) {
    Path plain = root.resolve(part.prefix + "-" + kind + "-ubyte");
    Path gz = root.resolve(part.prefix + "-" + kind + "-ubyte.gz");
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    throw new FgaUserException(
        "fashion-mnist: " + root + " has no " + gz.getFileName() + " (nor " + plain.getFileName()
            + "); apt-get install dataset-fashion-mnist puts the four IDX files in " + DEFAULT_ROOT);
  }

  /** Checks that {@code root} is a folder, with the one-line hint where the files come from. */
  public static Path requireRoot(String root) {
    Path r = Path.of(root);
    if (!Files.isDirectory(r)) {
      throw new FgaUserException(
          "fashion-mnist: no folder " + r + "; install the data with `apt-get install"
              + " dataset-fashion-mnist` (IDX files in " + DEFAULT_ROOT + ") or set data.root");
    }
    return r;
  }

  /** The garments of {@code part} under {@code root}, read once per root and file version. */
  public static Garments load(String root, Part part) {
    Path r = requireRoot(root);
    Path images = file(r, part, "images-idx3");
    Path labelFile = file(r, part, "labels-idx1");
    String key;
    try {
      key = images.toAbsolutePath().normalize() + "@" + Files.getLastModifiedTime(images).toMillis()
          + "+" + labelFile.toAbsolutePath().normalize() + "@" + Files.getLastModifiedTime(labelFile).toMillis();
    } catch (java.io.IOException e) {
      throw new FgaUserException("cannot read " + images + ": " + e.getMessage());
    }
    synchronized (CACHE) {
      Garments g = CACHE.get(key);
      if (g == null) {
        g = read(part, images, labelFile);
        CACHE.put(key, g);
      }
      return g;
    }
  }

  private static Garments read(Part part, Path imageFile, Path labelFile) {
    Idx.Array img = Idx.read(imageFile, 3);
    Idx.Array lab = Idx.read(labelFile, 1);
    if (img.dims()[1] != SIDE || img.dims()[2] != SIDE) {
      throw new FgaUserException(
          imageFile + " holds " + img.dims()[1] + "x" + img.dims()[2] + " images; Fashion-MNIST's are 28x28");
    }
    if (img.count() != lab.count()) {
      throw new FgaUserException(
          imageFile + " holds " + img.count() + " images but " + labelFile.getFileName() + " "
              + lab.count() + " labels");
    }
    byte[] labels = lab.data();
    for (int i = 0; i < labels.length; i++) {
      if ((labels[i] & 0xFF) >= FashionClasses.NAMES.size()) {
        throw new FgaUserException(
            labelFile + ": label " + (labels[i] & 0xFF) + " of garment " + i + " is not a class 0..9");
      }
    }
    return new Garments(part, img.data(), labels);
  }

  public Part part() {
    return part;
  }

  public int size() {
    return labels.length;
  }

  /** Class (0..9) of garment {@code i}. */
  public int label(int i) {
    return labels[i] & 0xFF;
  }

  /** Pixel (y, x) of garment {@code i}, 0..255. */
  public int pixel(int i, int y, int x) {
    return pixels[(i * SIDE + y) * SIDE + x] & 0xFF;
  }

  /** Garment {@code i} as values in [0, 1], row-major 28x28. */
  public float[] image(int i) {
    float[] out = new float[SIDE * SIDE];
    int base = i * SIDE * SIDE;
    for (int p = 0; p < out.length; p++) {
      out[p] = (pixels[base + p] & 0xFF) / 255f;
    }
    return out;
  }
}
