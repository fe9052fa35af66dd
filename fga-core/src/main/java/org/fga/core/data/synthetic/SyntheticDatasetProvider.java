package org.fga.core.data.synthetic;

import org.fga.core.data.DataConfig;
import org.fga.core.data.DatasetProvider;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;

/** The built-in generator as a dataset plugin named {@code synthetic}. */
public final class SyntheticDatasetProvider implements DatasetProvider {
  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  public String description() {
    return "built-in fine-grained generator: classes differ by a small wing patch (no files"
               + " needed)";
  }

  @Override
  public Class<? extends DataConfig> configType() {
    return SyntheticConfig.class;
  }

  @Override
  public FgaDataset open(DataConfig config, Split split) {
    if (!(config instanceof SyntheticConfig c)) {
      throw new IllegalArgumentException(
          "synthetic dataset needs a SyntheticConfig, got " + config.getClass().getName());
    }
    return new SyntheticDataset(c, split);
  }
}
