package org.fga.methods.cal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.SpecReader;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void defaultsAreThePapers() {
    FgvcSettings s = CalConfig.defaults().settings();
    assertThat(s.attentionMaps()).isEqualTo(32);
    assertThat(s.featureScale()).isEqualTo(100.0);
    assertThat(s.rawWeight()).isEqualTo(1.0 / 3);
    assertThat(s.augWeight()).isEqualTo(2.0 / 3);
    assertThat(s.effectWeight()).isEqualTo(1.0);
    assertThat(s.cropTheta()).containsExactly(0.4, 0.6);
    assertThat(s.dropTheta()).containsExactly(0.2, 0.5);
    assertThat(s.cropPadding()).isEqualTo(0.1);
    assertThat(s.centreBeta()).isEqualTo(0.05);
    assertThat(WsdanConfig.defaults().settings().effectWeight()).isZero();
    CalReidConfig r = CalReidConfig.defaults();
    assertThat(r.attentionMaps()).isEqualTo(8);
    assertThat(r.tripletMargin()).isEqualTo(0.3);
    assertThat(r.labelSmoothing()).isEqualTo(0.1);
  }

  @Test
  void badValuesAreUserErrorsNamingTheKey() {
    assertThatThrownBy(() -> new CalConfig(null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, 3).settings())
        .isInstanceOf(FgaUserException.class).hasMessageContaining("method.testViews");
    assertThatThrownBy(() -> new CalConfig(null, null, null, null, null, null, null, null, null, null,
        List.of(0.6, 0.4), null, null, null, null, null).settings())
        .isInstanceOf(FgaUserException.class).hasMessageContaining("method.cropTheta");
  }

  @Test
  void experimentFilesSelectEachMethodByType() {
    Plugins plugins = Plugins.load();
    assertThat(plugins.methods().names()).contains("cal", "wsdan", "cal-reid");
    var spec = new SpecReader(plugins).parse("""
        name: t
        method: {type: wsdan, attentionMaps: 4, cropTheta: [0.3, 0.5]}
        backbone: {arch: resnet18}
        data: {type: synthetic, imageSize: 32}
        """, false, "test");
    assertThat(spec.method()).isInstanceOf(WsdanConfig.class);
    assertThat(((WsdanConfig) spec.method()).settings().cropTheta()).containsExactly(0.3, 0.5);
  }
}
