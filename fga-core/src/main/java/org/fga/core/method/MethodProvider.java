package org.fga.core.method;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.plugin.Named;

/** A method plugin: builds the method's network and losses around a backbone. */
public interface MethodProvider extends Named {
  /** The config record this method reads; its {@code @JsonTypeName} equals {@link #name()}. */
  Class<? extends MethodConfig> configType();

  /** A config with the paper's defaults, used by {@code fga demo} and {@code fga list}. */
  MethodConfig defaultConfig();

  Method create(MethodConfig config, Backbone backbone, DatasetInfo data);
}
