package org.fga.datasets.fashion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.provider.TypedDataset;
import org.fga.datasets.CheckableDataset;

/** Registers {@code fashion-mnist}: the IDX files, plain or as cluttered canvases. */
public final class FashionMnistProvider extends TypedDataset<FashionMnistConfig> implements CheckableDataset {
  @Override
  public String description() {
    return "Fashion-MNIST (apt-get install dataset-fashion-mnist): 28x28 garments, plain or on"
        + " cluttered canvases (data.cluttered)";
  }

  @Override
  protected FgaDataset read(FashionMnistConfig config, Split split) {
    return new FashionMnistDataset(config, split);
  }

  @Override
  public List<Split> splits(DataConfig config) {
    return FashionMnistDataset.splits(cast(config));
  }

  /**
   * Garments per split of the release (60,000 training garments, {@code heldOut} of them as
   * {@code val}, 10,000 test) for the plain classification data with every garment (no class
   * subset, sizes 0); canvases and subsets are counted by the config, so nothing is compared.
   */
  @Override
  public Map<Split, Integer> officialCounts(DataConfig config) {
    FashionMnistConfig c = cast(config);
    if (c.cluttered() != null || c.classes() != null || c.trainSize() + c.valSize() + c.testSize() > 0) {
      return Map.of();
    }
    Map<Split, Integer> m = new LinkedHashMap<>();
    m.put(Split.TRAIN, FashionMnistConfig.TRAIN_GARMENTS - c.heldOut());
    if (c.heldOut() > 0) {
      m.put(Split.VAL, c.heldOut());
    }
    m.put(Split.TEST, FashionMnistConfig.TEST_GARMENTS);
    return m;
  }

  @Override
  public Map<Split, Integer> officialSizes(DataConfig config) {
    return officialCounts(config);
  }

  /** The plain garments at {@code root} (null: the package's folder), none held out: the release as it ships. */
  @Override
  public DataConfig configFor(String root) {
    return FashionMnistConfig.of(root, null, null, null, 0, null, null, null, null, null, null, null, null,
        null, null);
  }

  private FashionMnistConfig cast(DataConfig config) {
    if (!(config instanceof FashionMnistConfig c)) {
      throw new IllegalArgumentException("dataset fashion-mnist reads FashionMnistConfig, got "
          + (config == null ? "null" : config.getClass().getSimpleName()));
    }
    return c;
  }
}
