package org.fga.bench.layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.core.error.FgaUserException;

/**
 * A dataset's on-disk layout, written from the synthetic generator so that the readers can be
 * tested on the exact files a downloaded benchmark has.
 */
public interface Layout {
  /** The name used on the command line, e.g. {@code cub}. */
  String name();

  /** The task the layout's dataset has; the writer forces it onto the config. */
  String task();

  /**
   * Writes the data of {@code config} under {@code root} (created if missing).
   *
   * @return what was written, per split
   */
  LayoutSummary write(SyntheticConfig config, Path root) throws IOException;

  static List<Layout> all() {
    return List.of(
        new CubLayout(),
        new VocLayout(),
        new MarketLayout(),
        new ImageFolderLayout(),
        new ImageNetLayout(),
        new FgvcLayouts.Aircraft(),
        new FgvcLayouts.Nabirds(),
        new FgvcLayouts.Cars(),
        new FgvcLayouts.Dogs());
  }

  /** The layout called {@code name}, or a user error listing the known ones. */
  static Layout named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Layout l : all()) {
      if (l.name().equals(n)) {
        return l;
      }
    }
    throw new FgaUserException(
        "unknown layout '"
            + name
            + "'; known: "
            + String.join(", ", all().stream().map(Layout::name).toList()));
  }
}
