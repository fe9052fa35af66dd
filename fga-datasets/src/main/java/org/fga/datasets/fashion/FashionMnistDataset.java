package org.fga.datasets.fashion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;

/**
 * One split of Fashion-MNIST. Nothing is rendered ahead: {@link #get} draws image {@code i} from
 * (seed, split, i), so the split is thread-safe and holds no more than the garment files.
 *
 * <p>Where the garments come from: {@code train} from the training file without its last
 * {@code heldOut} garments, {@code val} from those, {@code test}, {@code query} and {@code gallery}
 * from the test file. Clutter patches are cut from the same pool as the split's garments (all ten
 * classes), never from another split's, so no test garment reaches training.
 */
public final class FashionMnistDataset implements FgaDataset {
  private final FashionMnistConfig cfg;
  private final Split split;
  private final Garments source;
  private final int[] clutterPool;
  private final int[] objectPool;
  private final int[] labelOfClass = new int[10];
  private final DatasetInfo info;
  private final int size;
  /** re-ID: the source garment of each identity of this split (train, or the test identities). */
  private final int[] identityGarment;
  /** re-ID gallery: the distractor garments, same classes as the test identities. */
  private final int[] distractorGarment;

  public FashionMnistDataset(FashionMnistConfig cfg, Split split) {
    this.cfg = cfg;
    this.split = split;
    List<Split> splits = splits(cfg);
    if (!splits.contains(split)) {
      throw new FgaUserException("fashion-mnist (" + cfg.task() + ", heldOut " + cfg.heldOut()
          + ") has no split " + split + "; it has " + splits);
    }
    boolean fromTrainFile = split == Split.TRAIN || split == Split.VAL;
    this.source = Garments.load(cfg.root(), fromTrainFile ? Garments.Part.TRAIN : Garments.Part.TEST);
    int lo = 0;
    int hi = source.size();
    if (fromTrainFile) {
      if (cfg.heldOut() >= source.size()) {
        throw new FgaUserException("data.heldOut " + cfg.heldOut() + " leaves no training garment: "
            + cfg.root() + " holds " + source.size());
      }
      int cut = source.size() - cfg.heldOut();
      lo = split == Split.TRAIN ? 0 : cut;
      hi = split == Split.TRAIN ? cut : source.size();
    }
    this.clutterPool = new int[hi - lo];
    for (int i = 0; i < clutterPool.length; i++) {
      clutterPool[i] = lo + i;
    }
    List<Integer> subset = cfg.classIndices();
    Arrays.fill(labelOfClass, -1);
    List<String> names = new ArrayList<>();
    if (cfg.task().equals("coarse")) {
      List<Integer> parents = new ArrayList<>();
      for (int c : subset.stream().sorted().toList()) {
        int p = FashionClasses.parentOf(c);
        if (!parents.contains(p)) {
          parents.add(p);
        }
      }
      parents.sort(null);
      for (int c : subset) {
        labelOfClass[c] = parents.indexOf(FashionClasses.parentOf(c));
      }
      parents.forEach(p -> names.add(FashionClasses.PARENTS.get(p)));
    } else {
      for (int k = 0; k < subset.size(); k++) {
        labelOfClass[subset.get(k)] = k;
        names.add(FashionClasses.NAMES.get(subset.get(k)));
      }
    }
    this.objectPool = Arrays.stream(clutterPool).filter(i -> labelOfClass[source.label(i)] >= 0).toArray();
    if (objectPool.length == 0) {
      throw new FgaUserException("fashion-mnist: the " + split.name().toLowerCase(Locale.ROOT)
          + " split has no garment of the classes " + subset + " in " + cfg.root());
    }
    if (cfg.cluttered() != null) {
      // which garment a canvas shows is drawn with the seed, but the held-out garments are not
      SplitMix.of(cfg.seed(), 100 + (fromTrainFile ? split.ordinal() : 9), 0).shuffle(objectPool);
    }
    if (cfg.taskKind() == Task.REID) {
      int wanted = split == Split.TRAIN ? cfg.identities() : cfg.testIdentities();
      if (objectPool.length < wanted) {
        throw new FgaUserException("fashion-mnist: " + wanted + " re-ID identities asked, but the "
            + (split == Split.TRAIN ? "training" : "test") + " pool holds " + objectPool.length + " garments");
      }
      this.identityGarment = Arrays.copyOf(objectPool, wanted);
      this.distractorGarment = split == Split.GALLERY ? distractors(wanted) : new int[0];
      List<String> ids = new ArrayList<>();
      for (int k = 1; k <= cfg.identities(); k++) {
        ids.add(String.format("id%04d", k));
      }
      this.info = new DatasetInfo("fashion-mnist", Task.REID, cfg.identities(), List.copyOf(ids));
      this.size = switch (split) {
        case TRAIN -> cfg.identities() * cfg.views();
        case QUERY -> cfg.testIdentities();
        default -> cfg.testIdentities() * (cfg.views() - 1) + distractorGarment.length;
      };
    } else {
      this.identityGarment = new int[0];
      this.distractorGarment = new int[0];
      this.info = new DatasetInfo("fashion-mnist", cfg.taskKind(), names.size(), List.copyOf(names));
      int asked = switch (split) {
        case TRAIN -> cfg.trainSize();
        case VAL -> cfg.valSize();
        default -> cfg.testSize();
      };
      this.size = asked == 0 ? objectPool.length : asked;
    }
  }

  /** The splits a config offers. */
  public static List<Split> splits(FashionMnistConfig cfg) {
    if (cfg.taskKind() == Task.REID) {
      return List.of(Split.TRAIN, Split.QUERY, Split.GALLERY);
    }
    return cfg.heldOut() > 0 ? List.of(Split.TRAIN, Split.VAL, Split.TEST) : List.of(Split.TRAIN, Split.TEST);
  }

  /** Distractor k shows a test garment, not an identity, of the class of identity k mod T. */
  private int[] distractors(int identities) {
    Map<Integer, ArrayDeque<Integer>> byClass = new HashMap<>();
    for (int k = identities; k < objectPool.length; k++) {
      byClass.computeIfAbsent(source.label(objectPool[k]), c -> new ArrayDeque<>()).add(objectPool[k]);
    }
    int[] out = new int[cfg.distractors()];
    for (int k = 0; k < out.length; k++) {
      int cls = source.label(identityGarment(k % identities));
      ArrayDeque<Integer> q = byClass.get(cls);
      if (q == null || q.isEmpty()) {
        throw new FgaUserException("fashion-mnist: data.distractors " + cfg.distractors()
            + " needs more test garments of class " + FashionClasses.NAMES.get(cls) + " than the test pool has");
      }
      out[k] = q.poll();
    }
    return out;
  }

  private int identityGarment(int k) {
    return objectPool[k];
  }

  public FashionMnistConfig config() {
    return cfg;
  }

  public Split split() {
    return split;
  }

  /** The garments this split draws from (the training or the test file). */
  public Garments garments() {
    return source;
  }

  /** The label (0-based, in {@link DatasetInfo#classNames()}) of class {@code cls}; -1 outside the subset. */
  public int labelOf(int cls) {
    return labelOfClass[cls];
  }

  @Override
  public DatasetInfo info() {
    return info;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String id(int index) {
    return String.format("fashion-mnist/%s/%06d", split.name().toLowerCase(Locale.ROOT), index);
  }

  /** The garment image {@code index} shows first, without drawing it. */
  private int firstGarment(int index) {
    if (info.task() == Task.REID) {
      return switch (split) {
        case TRAIN -> identityGarment[index % cfg.identities()];
        case QUERY -> identityGarment[index];
        default -> {
          int shown = cfg.testIdentities() * (cfg.views() - 1);
          yield index < shown ? identityGarment[index % cfg.testIdentities()] : distractorGarment[index - shown];
        }
      };
    }
    return objectPool[index % objectPool.length];
  }

  @Override
  public int label(int index) {
    check(index);
    return switch (info.task()) {
      case REID -> split == Split.TRAIN ? index % cfg.identities() : -1;
      case MULTILABEL -> -1;
      default -> labelOfClass[source.label(firstGarment(index))];
    };
  }

  /** Everything the renderer knows about image {@code index}. */
  public FashionScene scene(int index) {
    check(index);
    int first = firstGarment(index);
    if (cfg.cluttered() == null) {
      return Canvases.plain(source, first, cfg.maskThreshold());
    }
    SplitMix rng = SplitMix.of(cfg.seed(), 1 + split.ordinal(), index);
    int[] objects = {first};
    int identity = -1;
    int view = -1;
    if (info.task() == Task.MULTILABEL && 1 + rng.nextInt(cfg.cluttered().maxObjects()) == 2) {
      objects = new int[] {first, secondGarment(first, rng)};
    } else if (info.task() == Task.REID) {
      int[] iv = identityAndView(index);
      identity = iv[0];
      view = iv[1];
    }
    return Canvases.cluttered(cfg, source, objects, clutterPool, rng, identity, view);
  }

  /** re-ID: (identity, view), both 1-based; test identities follow the training ones. */
  private int[] identityAndView(int index) {
    int n = cfg.identities();
    int t = cfg.testIdentities();
    return switch (split) {
      case TRAIN -> new int[] {1 + index % n, 1 + index / n};
      case QUERY -> new int[] {n + 1 + index, 1};
      default -> {
        int shown = t * (cfg.views() - 1);
        yield index < shown
            ? new int[] {n + 1 + index % t, 2 + index / t}
            : new int[] {n + t + 1 + (index - shown), 2 + (index - shown) % (cfg.views() - 1)};
      }
    };
  }

  /** A garment of the pool of another class than {@code first}'s: multi-label classes are distinct. */
  private int secondGarment(int first, SplitMix rng) {
    int cls = source.label(first);
    for (int tries = 0; tries < 10_000; tries++) {
      int j = objectPool[rng.nextInt(objectPool.length)];
      if (source.label(j) != cls) {
        return j;
      }
    }
    throw new FgaUserException("fashion-mnist: the " + split.name().toLowerCase(Locale.ROOT)
        + " pool holds garments of one class only; multilabel canvases need two");
  }

  @Override
  public Sample get(int index) {
    FashionScene s = scene(index);
    String id = id(index);
    return switch (info.task()) {
      // the VOC convention (0 background, label + 1 on a garment): the per-class mIoU needs to
      // know whose pixels are whose; binary metrics read every non-zero value as the object
      case MULTILABEL -> new Sample(id, s.image(), -1,
          Arrays.stream(s.classes()).map(this::labelOf).distinct().sorted().toArray(),
          s.boxes(), null, s.classMap(this::labelOf), null, -1, -1);
      case REID -> new Sample(id, s.image(), split == Split.TRAIN ? s.identity() - 1 : -1, null,
          s.boxes(), null, s.objectMask(), null, s.identity(), s.view());
      default -> new Sample(id, s.image(), labelOf(s.classes()[0]), null, s.boxes(), null,
          s.objectMask(), null, -1, -1);
    };
  }

  private void check(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1) + " of " + split);
    }
  }
}
