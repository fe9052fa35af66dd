package org.fga.methods.rfga;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code rfga}.
 *
 * @param kernel kernel size of the three 1-D convolutions of the module (paper: 3)
 * @param tap the backbone stage the module and classifier read (default: the last)
 * @param camNormalization how the class maps are handed to the evaluator: {@code minmax} (default,
 *     wsolevaluation's protocol) or {@code percentile65} (the MoANA code's); see {@link
 *     CamNormalization}
 */
@JsonTypeName("rfga")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RfgaConfig(Integer kernel, String tap, String camNormalization) implements MethodConfig {
  public RfgaConfig {
    kernel = kernel == null ? 3 : kernel;
    if (kernel < 1 || kernel % 2 == 0) {
      throw new IllegalArgumentException("method.kernel must be an odd positive number, got " + kernel);
    }
    camNormalization = CamNormalization.of(camNormalization).key();
  }

  public static RfgaConfig defaults() {
    return new RfgaConfig(null, null, null);
  }
}
