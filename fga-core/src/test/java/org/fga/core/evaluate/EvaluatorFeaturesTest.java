package org.fga.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import org.fga.core.method.Method;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.SpecReader;
import org.fga.core.testing.TestPlugins;
import org.fga.core.train.Session;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's embeddings are {@link Method#features}; it calls that hook only when a method
 * overrides it (otherwise it is {@code infer}'s embedding, already computed), so the check of
 * which case applies must be right.
 */
class EvaluatorFeaturesTest {
  static final Plugins PLUGINS = TestPlugins.load();

  @Test
  void aMethodThatKeepsTheDefaultFeaturesIsNotRunTwice() {
    String yaml = "{name: f, method: {type: baseline}, backbone: {arch: tiny}, data: {type: squares}}";
    try (Session s = new Session(PLUGINS, new SpecReader(PLUGINS).parse(yaml, false, "f"))) {
      assertThat(OutputCollector.overridesFeatures(s.method())).isFalse();
    }
  }

  @Test
  void aMethodWithItsOwnFeaturesIsAskedForThem() {
    // a proxy implements every interface method itself, as an overriding method class does
    Method own = (Method) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Method.class},
        (proxy, m, args) -> null);
    assertThat(OutputCollector.overridesFeatures(own)).isTrue();
  }
}
