package org.fga.datasets;

import java.util.List;
import java.util.Map;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.provider.DatasetProvider;
import org.fga.core.data.Split;

/**
 * A dataset {@code fga data check} can validate: its splits, the official counts to compare with,
 * and a config for a folder. Disk readers of one file per image ({@link DiskDatasetProvider}) are
 * the usual kind; a dataset packed in a few files (Fashion-MNIST's IDX) implements this directly.
 */
public interface CheckableDataset extends DatasetProvider {
  /** The splits the dataset has. */
  List<Split> splits(DataConfig config);

  /** Images per split of the official release, for comparison with what was found. */
  Map<Split, Integer> officialCounts(DataConfig config);

  /**
   * A config for the dataset at {@code root} with every other key at its default; {@code root}
   * null means the dataset's default folder, and fails in one line for a dataset without one.
   */
  DataConfig configFor(String root);
}
