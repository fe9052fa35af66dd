package org.fga.datasets.synthetic;

import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;
import org.fga.core.data.provider.TypedDataset;

/** The built-in generator as a dataset plugin named {@code synthetic}. */
public final class SyntheticDatasetProvider extends TypedDataset<SyntheticConfig> {
  @Override
  public String description() {
    return "built-in fine-grained generator: classes differ by a small wing patch (no files"
               + " needed)";
  }

  @Override
  protected FgaDataset read(SyntheticConfig config, Split split) {
    return new SyntheticDataset(config, split);
  }
}
