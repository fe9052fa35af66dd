package org.fga.core.data;

import org.fga.core.plugin.Named;

/** A dataset plugin: reads one dataset (from disk or generated) into splits. */
public interface DatasetProvider extends Named {
  /** The config record this dataset reads; its {@code @JsonTypeName} equals {@link #name()}. */
  Class<? extends DataConfig> configType();

  /** Opens {@code split}; a split the dataset does not have fails with the list it has. */
  FgaDataset open(DataConfig config, Split split);
}
