package org.fga.core.testing;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** A provider that answers to another provider's name, to stage name clashes in tests. */
public class DelegatingMethodProvider implements MethodProvider {
  private final MethodProvider inner;

  public DelegatingMethodProvider(MethodProvider inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public Class<? extends MethodConfig> configType() {
    return inner.configType();
  }

  @Override
  public MethodConfig defaultConfig() {
    return inner.defaultConfig();
  }

  @Override
  public Method create(MethodConfig config, Backbone backbone, DatasetInfo data) {
    return inner.create(config, backbone, data);
  }
}
