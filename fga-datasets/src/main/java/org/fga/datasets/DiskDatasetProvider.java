package org.fga.datasets;

import java.util.List;
import java.util.Map;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.provider.DatasetProvider;
import org.fga.core.data.Split;

/** A dataset read from disk, with what {@code fga data check} needs to validate a download. */
public interface DiskDatasetProvider extends DatasetProvider {
  /** The splits the dataset has. */
  List<Split> splits(DataConfig config);

  /** Images per split of the official release, for comparison with what was found. */
  Map<Split, Integer> officialCounts(DataConfig config);

  /** A config for the dataset at {@code root} with every other key at its default. */
  DataConfig configFor(String root);

  @Override
  FileDataset open(DataConfig config, Split split);
}
