package org.fga.datasets.reid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.datasets.BaseDiskProvider;
import org.fga.datasets.Entry;
import org.fga.datasets.FileDataset;
import org.fga.datasets.Roots;
import org.fga.datasets.TextFiles;
import org.fga.datasets.imagefolder.ImageFolderDatasetProvider;
import org.fga.core.error.FgaUserException;

/**
 * One re-ID set. Identity and camera come from the file names (or, for MSMT17, from the official
 * lists). The standard protocol: junk images (person -1) are dropped, distractors (person 0) stay
 * in the gallery as negatives, training identities are relabelled 0..N-1 in sorted order; query and
 * gallery samples carry label -1 and are matched by {@code identity} and {@code camera}.
 */
public class ReidDatasetProvider extends BaseDiskProvider<ReidConfig> {
  private final ReidSet set;

  ReidDatasetProvider(ReidSet set) {
    super(
        set.name(),
        set.title() + " re-identification (train / query / gallery)",
        set.configType(),
        set.configFor());
    this.set = set;
  }

  @Override
  public java.util.Map<org.fga.core.data.Split, Integer> officialSizes(org.fga.core.data.provider.DataConfig config) {
    return set.official();
  }

  @Override
  protected List<Split> splitsOf(ReidConfig config) {
    return List.of(Split.TRAIN, Split.QUERY, Split.GALLERY);
  }

  @Override
  protected Map<Split, Integer> officialCounts(ReidConfig config) {
    return set.official();
  }

  @Override
  protected FileDataset read(ReidConfig cfg, Split split) {
    String marker =
        set.lists().isEmpty()
            ? set.folders().get(Split.TRAIN)
            : set.lists().get(Split.TRAIN).get(0);
    Path root = Roots.find(cfg.root(), name(), marker, set.unpacked());
    List<Item> train = items(root, Split.TRAIN);
    TreeSet<Integer> trainIds = new TreeSet<>();
    for (Item it : train) {
      trainIds.add(it.pid);
    }
    Map<Integer, Integer> relabel = new TreeMap<>();
    for (int pid : trainIds) {
      relabel.put(pid, relabel.size());
    }
    List<Item> items = split == Split.TRAIN ? train : items(root, split);
    List<Entry> entries = new ArrayList<>(items.size());
    for (Item it : items) {
      int label = split == Split.TRAIN ? relabel.get(it.pid) : -1;
      entries.add(
          new Entry(
              it.file,
              Roots.idOf(root, it.file),
              label,
              null,
              null,
              null,
              null,
              null,
              it.pid,
              it.camera,
              0));
    }
    List<String> names = relabel.keySet().stream().map(p -> String.format("%04d", p)).toList();
    return dataset(cfg, Task.REID, names, entries);
  }

  private record Item(Path file, int pid, int camera) {}

  private List<Item> items(Path root, Split split) {
    Path dir = root.resolve(set.folders().get(split));
    List<Item> out = new ArrayList<>();
    if (set.lists().isEmpty()) {
      if (!Files.isDirectory(dir)) {
        throw new FgaUserException(name() + ": split folder " + dir + " not found");
      }
      for (Path f : ImageFolderDatasetProvider.imagesIn(dir)) {
        Item it = parse(f, f.getFileName().toString(), null);
        if (it != null) {
          out.add(it);
        }
      }
      return out;
    }
    for (String list : set.lists().get(split)) {
      Path file = root.resolve(list);
      List<String[]> rows = TextFiles.rows(file);
      for (int r = 0; r < rows.size(); r++) {
        String rel = rows.get(r)[0];
        Integer pid = rows.get(r).length > 1 ? TextFiles.intField(file, rows, r, 1) : null;
        Path img = dir.resolve(rel);
        Item it = parse(img, img.getFileName().toString(), pid);
        if (it == null) {
          throw new FgaUserException(
              file + " row " + (r + 1) + ": cannot read person and camera from '" + rel + "'");
        }
        out.add(it);
      }
    }
    return out;
  }

  /** Person and camera from a file name; null for junk (person -1) or names that do not match. */
  private Item parse(Path file, String fileName, Integer listedPid) {
    Matcher m = set.pattern().matcher(fileName);
    if (!m.find()) {
      return null; // e.g. Thumbs.db or a stray file: not part of the protocol
    }
    int pid = listedPid != null ? listedPid : Integer.parseInt(m.group(1));
    if (pid == -1) {
      return null;
    }
    return new Item(file, pid, Integer.parseInt(m.group(2)));
  }

  /** The four sets, each its own plugin. */
  public static final class Market extends ReidDatasetProvider {
    public Market() {
      super(ReidSet.MARKET);
    }
  }

  public static final class Duke extends ReidDatasetProvider {
    public Duke() {
      super(ReidSet.DUKE);
    }
  }

  public static final class Veri extends ReidDatasetProvider {
    public Veri() {
      super(ReidSet.VERI);
    }
  }

  public static final class Msmt17 extends ReidDatasetProvider {
    public Msmt17() {
      super(ReidSet.MSMT17);
    }
  }
}
