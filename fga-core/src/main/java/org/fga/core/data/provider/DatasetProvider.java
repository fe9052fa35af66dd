package org.fga.core.data.provider;

import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;

import org.fga.core.naming.Named;

/** A dataset plugin: reads one dataset (from disk or generated) into splits. */
public interface DatasetProvider extends Named {
  /** The config record this dataset reads; its {@code @JsonTypeName} equals {@link #name()}. */
  Class<? extends DataConfig> configType();

  /** Opens {@code split}; a split the dataset does not have fails with the list it has. */
  FgaDataset open(DataConfig config, Split split);

  /**
   * The number of images each split has in the official release, for {@code fga train --dry-run}
   * to set beside what it found on disk; empty where not known or configurable.
   */
  default java.util.Map<Split, Integer> officialSizes(DataConfig config) {
    return java.util.Map.of();
  }
}
