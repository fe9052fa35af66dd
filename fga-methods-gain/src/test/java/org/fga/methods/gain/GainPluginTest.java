package org.fga.methods.gain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.fga.core.method.MethodConfig;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

class GainPluginTest {
  private final Plugins plugins = Plugins.load();

  @Test
  void bothMethodsAreRegistered() {
    assertThat(plugins.methods().get("gain")).isInstanceOf(GainProvider.class);
    assertThat(plugins.methods().get("gain-ext")).isInstanceOf(GainExtProvider.class);
  }

  @Test
  void defaultsAreThePapers() {
    GainExtConfig c = GainExtConfig.defaults();
    assertThat(c.sigma()).isEqualTo(0.5);
    assertThat(c.omega()).isEqualTo(10.0);
    assertThat(c.alpha()).isEqualTo(1.0);
    assertThat(c.omegaE()).isEqualTo(10.0);
    assertThat(c.seedThreshold()).isEqualTo(0.2);
    assertThat(c.maskFraction()).isEqualTo(1.0);
    GainConfig g = GainConfig.defaults();
    assertThat(g.head()).isEqualTo(HeadType.GAP_LINEAR);
    assertThat(g.freezeBatchNorm()).isFalse();
    assertThat(g.settings().subset()).isNull();
  }

  @Test
  void yamlBlocksParseIntoTheRecords() throws Exception {
    ObjectMapper yaml = plugins.yaml();
    MethodConfig c =
        yaml.readValue(
            "{type: gain-ext, tap: layer3, head: conv-gap-linear, omegaE: 5, maskFraction: 0.05, freezeBatchNorm: true}",
            MethodConfig.class);
    assertThat(c).isInstanceOf(GainExtConfig.class);
    GainExtConfig e = (GainExtConfig) c;
    assertThat(e.tap()).isEqualTo("layer3");
    assertThat(e.head()).isEqualTo(HeadType.CONV_GAP_LINEAR);
    assertThat(e.omegaE()).isEqualTo(5.0);
    assertThat(e.maskFraction()).isEqualTo(0.05);
    assertThat(e.freezeBatchNorm()).isTrue();
    MethodConfig g = yaml.readValue("{type: gain, attentionOutput: seeds}", MethodConfig.class);
    assertThat(((GainConfig) g).attentionOutput()).isEqualTo(AttentionOutput.SEEDS);
  }

  @Test
  void badValuesAreRejectedWithTheKey() {
    assertThatThrownBy(() -> new GainConfig(null, null, 1.5, null, null, null, null, null, null, null, null, null))
        .hasMessageContaining("method.sigma");
    assertThatThrownBy(() -> HeadType.of("mlp")).hasMessageContaining("gap-linear");
    assertThatThrownBy(
            () -> new GainExtConfig(null, null, null, null, null, null, 2.0, null, null, null, null, null, null, null, null))
        .hasMessageContaining("method.maskFraction");
  }
}
