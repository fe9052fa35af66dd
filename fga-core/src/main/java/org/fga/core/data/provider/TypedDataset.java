package org.fga.core.data.provider;

import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;

import org.fga.core.naming.ConfigTypes;
import org.fga.core.naming.PluginTypes;

/**
 * A dataset plugin whose config is one record type, given once as the type argument ({@code
 * extends TypedDataset<MyConfig>}): the name is the record's {@code @JsonTypeName}, the core
 * registers the record with the spec readers, and {@link #read} receives it typed; the cast from
 * {@link DataConfig} happens here, with a message naming both types. Disk readers share more
 * through fga-datasets' {@code BaseDiskProvider}.
 *
 * @param <C> the dataset's config record (the {@code data:} block)
 */
public abstract class TypedDataset<C extends DataConfig> implements DatasetProvider {
  private final Class<C> configType = PluginTypes.typeArgument(getClass(), TypedDataset.class);

  @Override
  public final Class<C> configType() {
    return configType;
  }

  /** The config record's {@code @JsonTypeName}: what {@code data.type} selects. */
  @Override
  public String name() {
    return ConfigTypes.nameOf(configType);
  }

  @Override
  public final FgaDataset open(DataConfig config, Split split) {
    if (!configType.isInstance(config)) {
      throw new IllegalArgumentException("dataset '" + name() + "' reads " + configType.getSimpleName()
          + ", got " + (config == null ? "null" : config.getClass().getSimpleName()));
    }
    return read(configType.cast(config), split);
  }

  /** Opens {@code split} with this dataset's own config record. */
  protected abstract FgaDataset read(C config, Split split);
}
