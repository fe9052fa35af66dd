package org.fga.datasets;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;

/**
 * What every disk reader shares: its name, config type and defaults, and the check that the asked
 * split exists. A reader implements {@link #officialCounts(DiskDataConfig)} and {@link #read}.
 *
 * @param <C> the reader's config record
 */
public abstract class BaseDiskProvider<C extends DiskDataConfig> implements DiskDatasetProvider {
  private final String name;
  private final String description;
  private final Class<? extends C> configType;
  private final Function<String, ? extends C> defaults;

  protected BaseDiskProvider(
      String name,
      String description,
      Class<? extends C> configType,
      Function<String, ? extends C> defaults) {
    this.name = name;
    this.description = description;
    this.configType = configType;
    this.defaults = defaults;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Class<? extends DataConfig> configType() {
    return configType;
  }

  @Override
  public final DataConfig configFor(String root) {
    return defaults.apply(root);
  }

  @Override
  public final List<Split> splits(DataConfig config) {
    return splitsOf(cast(config));
  }

  @Override
  public final Map<Split, Integer> officialCounts(DataConfig config) {
    return officialCounts(cast(config));
  }

  @Override
  public final FileDataset open(DataConfig config, Split split) {
    C cfg = cast(config);
    List<Split> splits = splitsOf(cfg);
    if (!splits.contains(split)) {
      throw new FgaUserException(name + " has no split " + split + "; it has " + splits);
    }
    return read(cfg, split);
  }

  /** The splits; train and test unless overridden. */
  protected List<Split> splitsOf(C config) {
    return List.of(Split.TRAIN, Split.TEST);
  }

  protected abstract Map<Split, Integer> officialCounts(C config);

  /** Reads a split that {@link #splitsOf} offers. */
  protected abstract FileDataset read(C config, Split split);

  /** A dataset of {@code entries} named after this reader. */
  protected final FileDataset dataset(
      C config, Task task, List<String> classes, List<Entry> entries) {
    return new FileDataset(
        new DatasetInfo(name, task, classes.size(), List.copyOf(classes)),
        entries,
        config.skipCorrupt());
  }

  private C cast(DataConfig config) {
    if (!configType.isInstance(config)) {
      throw new IllegalArgumentException(
          "dataset "
              + name
              + " needs a "
              + configType.getSimpleName()
              + ", got "
              + config.getClass().getSimpleName());
    }
    return configType.cast(config);
  }
}
