package org.fga.core.testing;

import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;

/** A provider that answers to another provider's name, to stage name clashes in tests. */
public class DelegatingMethodProvider<C extends MethodConfig> implements MethodProvider<C> {
  private final MethodProvider<C> inner;

  public DelegatingMethodProvider(MethodProvider<C> inner) {
    this.inner = inner;
  }

  @Override
  public Class<C> configType() {
    return inner.configType();
  }

  @Override
  public C defaultConfig() {
    return inner.defaultConfig();
  }

  @Override
  public Method create(C config, Backbone backbone, DatasetInfo data) {
    return inner.create(config, backbone, data);
  }
}
