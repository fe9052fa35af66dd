package org.fga.datasets;

import static java.util.Arrays.copyOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fga.core.data.Box;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.datasets.io.ImageFiles;
import org.fga.core.error.FgaUserException;

/**
 * A split read from disk: the annotation files are parsed once into {@link Entry}s, images are
 * decoded on {@link #get}. Thread-safe: entries are immutable and decoding shares nothing.
 *
 * <p>A damaged image fails with its file name, or, with {@code skipCorrupt}, is logged once,
 * counted in {@link #skipped()} and replaced by the next readable sample, so a long run over a
 * large set survives a few bad files.
 */
public class FileDataset implements FgaDataset {
  private final DatasetInfo info;
  private final List<Entry> entries;
  private final boolean skipCorrupt;
  private final Set<String> skipped = ConcurrentHashMap.newKeySet();

  public FileDataset(DatasetInfo info, List<Entry> entries, boolean skipCorrupt) {
    this.info = info;
    this.entries = List.copyOf(entries);
    this.skipCorrupt = skipCorrupt;
  }

  @Override
  public DatasetInfo info() {
    return info;
  }

  @Override
  public int size() {
    return entries.size();
  }

  public List<Entry> entries() {
    return entries;
  }

  /** Files skipped so far because they could not be decoded. */
  public Set<String> skipped() {
    return Set.copyOf(skipped);
  }

  @Override
  public String id(int index) {
    return entries.get(index).id();
  }

  @Override
  public int label(int index) {
    return entries.get(index).label();
  }

  @Override
  public String source(int index) {
    return entries.get(index).image().toAbsolutePath().normalize().toString();
  }

  @Override
  public Sample get(int index) {
    if (!skipCorrupt) {
      return load(entries.get(index));
    }
    for (int k = 0; k < entries.size(); k++) {
      Entry e = entries.get((index + k) % entries.size());
      try {
        return load(e);
      } catch (FgaUserException err) {
        if (skipped.add(e.image().toString())) {
          System.err.println(
              "fga: warning: skipping "
                  + err.getMessage()
                  + " ("
                  + skipped.size()
                  + " skipped so far)");
        }
      }
    }
    throw new FgaUserException(
        "no readable image in " + info.name() + ": all " + entries.size() + " failed to decode");
  }

  /**
   * Decodes one entry: the image and mask lose the entry's {@code cropBottom} rows, boxes are
   * clipped to what is left, keypoints off it are marked not visible, and masks are checked
   * against the image's size.
   */
  public static Sample load(Entry e) {
    FloatImage img = ImageFiles.read(e.image());
    Mask mask = null;
    if (e.mask() != null) {
      mask =
          switch (e.maskKind()) {
            case INDICES -> ImageFiles.readIndices(e.mask());
            case SBD_MAT -> MatFiles.open(e.mask()).labelMap("GTcls", "Segmentation");
            default -> ImageFiles.readBinary(e.mask());
          };
      if (mask.height() != img.height() || mask.width() != img.width()) {
        throw new FgaUserException(
            "mask "
                + e.mask()
                + " is "
                + mask.width()
                + "x"
                + mask.height()
                + " but its image "
                + e.image()
                + " is "
                + img.width()
                + "x"
                + img.height());
      }
    }
    if (e.cropBottom() > 0) {
      if (img.height() <= e.cropBottom()) {
        throw new FgaUserException(
            "image "
                + e.image()
                + " is "
                + img.height()
                + " pixels high, no more than the "
                + e.cropBottom()
                + " bottom rows to be cut off");
      }
      int h = img.height() - e.cropBottom();
      img = topRows(img, h);
      mask = mask == null ? null : new Mask(h, mask.width(), copyOf(mask.data(), h * mask.width()));
    }
    return new Sample(
        e.id(),
        img,
        e.label(),
        e.labels(),
        clip(e.boxes(), img),
        hideOutside(e.keypoints(), img),
        mask,
        null,
        e.identity(),
        e.camera());
  }

  /** The first {@code h} rows of every channel. */
  private static FloatImage topRows(FloatImage img, int h) {
    int plane = h * img.width();
    float[] out = new float[img.channels() * plane];
    for (int c = 0; c < img.channels(); c++) {
      System.arraycopy(img.data(), c * img.height() * img.width(), out, c * plane, plane);
    }
    return new FloatImage(img.channels(), h, img.width(), out);
  }

  private static List<Keypoint> hideOutside(List<Keypoint> points, FloatImage img) {
    if (points == null) {
      return null;
    }
    List<Keypoint> out = new ArrayList<>(points.size());
    for (Keypoint p : points) {
      out.add(p.clippedTo(img.width(), img.height()));
    }
    return List.copyOf(out);
  }

  private static List<Box> clip(List<Box> boxes, FloatImage img) {
    if (boxes == null) {
      return null;
    }
    List<Box> out = new ArrayList<>(boxes.size());
    for (Box b : boxes) {
      int x0 = Math.max(0, b.x0());
      int y0 = Math.max(0, b.y0());
      int x1 = Math.min(img.width() - 1, b.x1());
      int y1 = Math.min(img.height() - 1, b.y1());
      if (x1 >= x0 && y1 >= y0) {
        out.add(new Box(x0, y0, x1, y1));
      }
    }
    return List.copyOf(out);
  }
}
