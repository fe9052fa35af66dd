package org.fga.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

class SyntheticConfigTest {
  private final Plugins plugins = Plugins.load();
  private final ObjectMapper yaml = plugins.yaml();

  @Test
  void missingKeysTakeDefaultsAndTheTypeKeySelectsTheRecord() throws Exception {
    DataConfig cfg =
        yaml.readValue("type: synthetic\nbias: 0.9\nimageSize: 32\n", DataConfig.class);
    assertThat(cfg).isInstanceOf(SyntheticConfig.class);
    SyntheticConfig s = (SyntheticConfig) cfg;
    assertThat(s.bias()).isEqualTo(0.9);
    assertThat(s.imageSize()).isEqualTo(32);
    assertThat(s.numClasses()).isEqualTo(8);
    assertThat(s.task()).isEqualTo("classification");
    assertThat(s)
        .isEqualTo(SyntheticConfig.defaults().toBuilder().optBias(0.9).optImageSize(32).build());
  }

  @Test
  void writtenConfigReadsBackEqual() throws Exception {
    SyntheticConfig s = SyntheticConfig.builder().optTask("reid").optSeed(5).build();
    String json = plugins.json().writerFor(DataConfig.class).writeValueAsString(s);
    assertThat(json).contains("\"type\" : \"synthetic\"").contains("\"task\" : \"reid\"");
    assertThat(plugins.json().readValue(json, DataConfig.class)).isEqualTo(s);
    String text = yaml.writerFor(DataConfig.class).writeValueAsString(s);
    assertThat(yaml.readValue(text, DataConfig.class)).isEqualTo(s);
  }

  @Test
  void unknownKeysAndBadValuesFailNamingTheKey() {
    assertThatThrownBy(() -> yaml.readValue("type: synthetic\nbais: 0.5\n", DataConfig.class))
        .hasMessageContaining("bais");
    assertThatThrownBy(() -> yaml.readValue("type: synthetic\nbias: 1.5\n", DataConfig.class))
        .hasRootCauseMessage("data.bias must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> SyntheticConfig.builder().optTask("detection").build())
        .hasMessageContaining("classification, multilabel, reid");
    assertThatThrownBy(() -> SyntheticConfig.builder().optNumClasses(257).build())
        .hasMessageContaining("numClasses");
  }

  @Test
  void theProviderIsRegisteredUnderItsName() {
    FgaDataset ds =
        plugins
            .datasets()
            .get("synthetic")
            .open(SyntheticConfig.builder().optTrainSize(7).build(), Split.TRAIN);
    assertThat(ds.size()).isEqualTo(7);
    assertThat(ds.info().name()).isEqualTo("synthetic");
  }
}
