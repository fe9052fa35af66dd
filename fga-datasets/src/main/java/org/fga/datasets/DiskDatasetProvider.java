package org.fga.datasets;

import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.Split;

/**
 * A dataset read from disk one file per image, with what {@code fga data check} needs to validate
 * a download.
 */
public interface DiskDatasetProvider extends CheckableDataset {

  @Override
  FileDataset open(DataConfig config, Split split);
}
