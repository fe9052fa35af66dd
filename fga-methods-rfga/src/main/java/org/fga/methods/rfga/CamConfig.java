package org.fga.methods.rfga;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code cam}: the RFGA network without its module (1×1 convolution classifier on the
 * stage's features, GAP), the ablation row of RFGA's tables.
 *
 * @param tap the backbone stage the classifier reads (default: the last)
 * @param camNormalization as {@link RfgaConfig#camNormalization()}, so that the ablation row is
 *     scored the same way
 */
@JsonTypeName("cam")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CamConfig(String tap, String camNormalization) implements MethodConfig {
  public CamConfig {
    camNormalization = CamNormalization.of(camNormalization).key();
  }

  public static CamConfig defaults() {
    return new CamConfig(null, null);
  }
}
