package org.fga.datasets.imagefolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.fga.core.data.Box;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.datasets.BaseDiskProvider;
import org.fga.datasets.Entry;
import org.fga.datasets.FileDataset;
import org.fga.datasets.Roots;
import org.fga.datasets.voc.VocXml;
import org.fga.datasets.wsol.MetadataSplit;
import org.fga.datasets.wsol.WsolMetadata;
import org.fga.core.error.FgaUserException;

/**
 * Class-per-folder data. Classes are the sorted sub-folders of {@code train/} (of the first split
 * folder present, if there is no {@code train/}). {@code TEST} reads {@code test/}, or {@code val/}
 * when there is no {@code test/} (ImageNet ships train and val only). ImageNet's official {@code
 * val/} is flat, the images directly in it; with {@code devkit} or {@code valLabels} set it is read
 * that way and labelled by {@link ValLabels}. Any split can come from wsolevaluation metadata
 * instead ({@code splits}), e.g. ImageNetV2 as the held-out {@code val} split.
 */
public final class ImageFolderDatasetProvider extends BaseDiskProvider<ImageFolderConfig> {
  static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

  public ImageFolderDatasetProvider() {
    super(
        "imagefolder",
        "class-per-folder images (root/train/<class>/*.jpg, root/val/...), optional box XML",
        ImageFolderConfig.class,
        ImageFolderConfig::of);
  }

  @Override
  protected List<Split> splitsOf(ImageFolderConfig config) {
    List<Split> out = new ArrayList<>();
    for (Split s : List.of(Split.TRAIN, Split.VAL, Split.TEST)) {
      if (MetadataSplit.of(config.splits(), s) != null
          || Files.isDirectory(Path.of(config.root()).resolve(folder(Path.of(config.root()), s)))) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  protected Map<Split, Integer> officialCounts(ImageFolderConfig config) {
    return Map.of(); // any folder tree is valid
  }

  private static String folder(Path root, Split s) {
    return switch (s) {
      case TRAIN -> "train";
      case VAL -> "val";
      case TEST -> Files.isDirectory(root.resolve("test")) ? "test" : "val";
      default -> s.name().toLowerCase(Locale.ROOT);
    };
  }

  @Override
  protected FileDataset read(ImageFolderConfig cfg, Split split) {
    Path root = Path.of(cfg.root());
    if (!Files.isDirectory(root)) {
      throw new FgaUserException(Roots.missingRoot(cfg.root(), "imagefolder"));
    }
    MetadataSplit metadata = MetadataSplit.of(cfg.splits(), split);
    if (metadata != null) {
      return fromMetadata(cfg, root, metadata);
    }
    Path dir = root.resolve(folder(root, split));
    if (!Files.isDirectory(dir)) {
      throw new FgaUserException(
          "imagefolder root "
              + root
              + " has no "
              + folder(root, split)
              + "/ folder for split "
              + split
              + "; it has "
              + splits(cfg));
    }
    Path classSource = Files.isDirectory(root.resolve("train")) ? root.resolve("train") : dir;
    List<String> classes = subfolders(classSource);
    if (classes.isEmpty()) {
      throw new FgaUserException(classSource + " has no class folders");
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String c : classes) {
      index.put(c, index.size());
    }
    Path boxRoot = cfg.boxes() == null ? null : Path.of(cfg.boxes());
    if (boxRoot != null && !Files.isDirectory(boxRoot)) {
      throw new FgaUserException("data.boxes " + boxRoot + " is not a folder");
    }
    List<Entry> entries = new ArrayList<>();
    String splitDir = dir.getFileName().toString();
    if (splitDir.equals("val") && cfg.flatVal()) {
      ValLabels labels = ValLabels.of(cfg, index);
      List<Path> images = imagesIn(dir);
      if (images.isEmpty()) {
        throw new FgaUserException(
            dir
                + " holds no images directly, but data."
                + (cfg.devkit() != null ? "devkit" : "valLabels")
                + " is set for ImageNet's flat val/ folder");
      }
      for (Path f : images) {
        entries.add(
            Entry.classification(
                f, Roots.idOf(root, f), labels.labelOf(f), boxesOf(boxRoot, splitDir, f)));
      }
      return dataset(cfg, Task.CLASSIFICATION, classes, entries);
    }
    if (subfolders(dir).isEmpty() && !imagesIn(dir).isEmpty()) {
      throw new FgaUserException(
          dir
              + " holds images but no class folders (ImageNet's flat val/?): set data.devkit to"
              + " ILSVRC2012_devkit_t12 or data.valLabels to a 'name,label' list");
    }
    for (String c : subfolders(dir)) {
      Integer label = index.get(c);
      if (label == null) {
        throw new FgaUserException(
            "class folder "
                + dir.resolve(c)
                + " is not a class of "
                + classSource
                + " ("
                + classes.size()
                + " classes)");
      }
      for (Path f : imagesIn(dir.resolve(c))) {
        entries.add(
            Entry.classification(
                f, Roots.idOf(root, f), label, boxesOf(boxRoot, splitDir, f)));
      }
    }
    return dataset(cfg, Task.CLASSIFICATION, classes, entries);
  }

  /** A split from wsolevaluation metadata, labelled in the class order of {@code train/}. */
  private FileDataset fromMetadata(ImageFolderConfig cfg, Path root, MetadataSplit metadata) {
    Path train = root.resolve("train");
    if (!Files.isDirectory(train)) {
      throw new FgaUserException(
          "imagefolder root "
              + root
              + " has no train/ folder, whose class folders number the labels of "
              + metadata.metadata());
    }
    List<String> classes = subfolders(train);
    return dataset(
        cfg, Task.CLASSIFICATION, classes, WsolMetadata.read(metadata, root, classes));
  }

  private static List<Box> boxesOf(Path boxRoot, String splitDir, Path image) {
    if (boxRoot == null) {
      return null;
    }
    String base = image.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".xml";
    for (Path p : new Path[] {boxRoot.resolve(splitDir).resolve(base), boxRoot.resolve(base)}) {
      if (Files.exists(p)) {
        return VocXml.read(p).stream().map(VocXml.VocObject::box).toList();
      }
    }
    return null;
  }

  static List<String> subfolders(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The image files directly in {@code dir}, sorted by name. */
  public static List<Path> imagesIn(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                int dot = n.lastIndexOf('.');
                return dot > 0
                    && EXTENSIONS.contains(n.substring(dot + 1))
                    && Files.isRegularFile(p);
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
