package org.fga.datasets.reid;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fga.core.data.Split;

/**
 * How one re-ID set lays out its files: folder per split, how names carry person and camera, the
 * official image counts, and how the set is configured.
 *
 * @param name registered name
 * @param title human name
 * @param unpacked the folder the archive unpacks to (looked for inside the given root)
 * @param folders folder of each split
 * @param lists for list-based sets (MSMT17): the list files of each split, relative to the root;
 *     each line is {@code <path relative to the split folder> <pid>}; empty for folder-based sets
 * @param name pattern whose groups 1 and 2 are person and camera
 * @param official image counts of the official release after the standard protocol (junk removed)
 * @param configType the config record
 * @param configFor builds a default config for a root
 */
record ReidSet(
    String name,
    String title,
    String unpacked,
    Map<Split, String> folders,
    Map<Split, List<String>> lists,
    Pattern pattern,
    Map<Split, Integer> official,
    Class<? extends ReidConfig> configType,
    Function<String, ? extends ReidConfig> configFor) {

  /** Market-1501's folder names, which DukeMTMC-reID reuses. */
  private static final Map<Split, String> MARKET_FOLDERS =
      Map.of(Split.TRAIN, "bounding_box_train", Split.QUERY, "query", Split.GALLERY, "bounding_box_test");

  static final ReidSet MARKET =
      new ReidSet(
          "market1501",
          "Market-1501",
          "Market-1501-v15.09.15",
          MARKET_FOLDERS,
          Map.of(),
          Pattern.compile("^(-?\\d+)_c(\\d)"),
          Map.of(Split.TRAIN, 12936, Split.QUERY, 3368, Split.GALLERY, 15913),
          MarketConfig.class,
          MarketConfig::of);

  static final ReidSet DUKE =
      new ReidSet(
          "dukemtmc",
          "DukeMTMC-reID",
          "DukeMTMC-reID",
          MARKET_FOLDERS,
          Map.of(),
          Pattern.compile("^(-?\\d+)_c(\\d+)"),
          Map.of(Split.TRAIN, 16522, Split.QUERY, 2228, Split.GALLERY, 17661),
          DukeConfig.class,
          DukeConfig::of);

  static final ReidSet VERI =
      new ReidSet(
          "veri776",
          "VeRi-776",
          "VeRi",
          Map.of(
              Split.TRAIN, "image_train", Split.QUERY, "image_query", Split.GALLERY, "image_test"),
          Map.of(),
          Pattern.compile("^(-?\\d+)_c(\\d+)"),
          Map.of(Split.TRAIN, 37778, Split.QUERY, 1678, Split.GALLERY, 11579),
          VeriConfig.class,
          VeriConfig::of);

  /** MSMT17 V1: file names are {@code pid_index_camera_...}; the val list joins training. */
  static final ReidSet MSMT17 =
      new ReidSet(
          "msmt17",
          "MSMT17",
          "MSMT17_V1",
          Map.of(Split.TRAIN, "train", Split.QUERY, "test", Split.GALLERY, "test"),
          Map.of(
              Split.TRAIN, List.of("list_train.txt", "list_val.txt"),
              Split.QUERY, List.of("list_query.txt"),
              Split.GALLERY, List.of("list_gallery.txt")),
          Pattern.compile("^(\\d+)_\\d+_(\\d+)_"),
          Map.of(Split.TRAIN, 32621, Split.QUERY, 11659, Split.GALLERY, 82161),
          Msmt17Config.class,
          Msmt17Config::of);

  static List<ReidSet> all() {
    return List.of(MARKET, DUKE, VERI, MSMT17);
  }
}
