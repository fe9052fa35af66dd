package org.fga.datasets.fashion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ten classes in label order (as the dataset's README lists them) and the coarse parent of
 * each: tops, bottoms, dresses, footwear, bags.
 */
public final class FashionClasses {
  /** Class names, index = the label stored in the IDX files. */
  public static final List<String> NAMES =
      List.of(
          "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
          "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  /** The coarse parents, in the order their index counts. */
  public static final List<String> PARENTS = List.of("tops", "bottoms", "dresses", "footwear", "bags");

  /** Parent index of each class (into {@link #PARENTS}). */
  private static final int[] PARENT = {0, 1, 0, 2, 0, 3, 0, 3, 4, 3};

  /** The four tops, the classes a CNN confuses most on Fashion-MNIST. */
  public static final List<Integer> TOPS = List.of(0, 2, 4, 6);

  private FashionClasses() {}

  /** Parent index (into {@link #PARENTS}) of class {@code cls} (0..9). */
  public static int parentOf(int cls) {
    return PARENT[cls];
  }

  /**
   * The classes a {@code data.classes} list names, in the order given: a class name ({@code
   * Coat}, case and the {@code /} of T-shirt/top optional: {@code t-shirt}), its index ({@code 4}),
   * or a parent ({@code tops}: its classes in label order). {@code null} or empty: all ten. A
   * name that is none of these, or a class named twice, throws with a message that follows the
   * key ({@code has an unknown class 'x'; known: ...}).
   */
  public static List<Integer> parse(List<String> names) {
    if (names == null || names.isEmpty()) {
      return List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
    Set<Integer> out = new LinkedHashSet<>();
    for (String raw : names) {
      String n = raw.trim().toLowerCase(Locale.ROOT);
      int parent = PARENTS.indexOf(n);
      if (parent >= 0) {
        for (int c = 0; c < NAMES.size(); c++) {
          if (PARENT[c] == parent) {
            add(out, c, raw);
          }
        }
        continue;
      }
      int found = -1;
      for (int c = 0; c < NAMES.size(); c++) {
        String name = NAMES.get(c).toLowerCase(Locale.ROOT);
        if (name.equals(n) || name.replace("/top", "").equals(n) || name.replace(' ', '_').equals(n)) {
          found = c;
        }
      }
      if (found < 0 && n.matches("\\d")) {
        found = Integer.parseInt(n);
      }
      if (found < 0) {
        throw new IllegalArgumentException(
            "has an unknown class '" + raw + "'; known: " + String.join(", ", NAMES)
                + " (or an index 0..9, or a parent: " + String.join(", ", PARENTS) + ")");
      }
      add(out, found, raw);
    }
    return List.copyOf(new ArrayList<>(out));
  }

  private static void add(Set<Integer> out, int c, String raw) {
    if (!out.add(c)) {
      throw new IllegalArgumentException("names " + NAMES.get(c) + " twice ('" + raw + "')");
    }
  }
}
