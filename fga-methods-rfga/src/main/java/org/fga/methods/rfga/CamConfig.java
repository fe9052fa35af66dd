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
 * @param classifierInit {@code kaiming} (default: N(0, 2/K), as RFGA's classifier) or {@code
 *     linear} (PyTorch's nn.Linear default, U(±1/sqrt(C)): the head of the MoANA and wsolevaluation
 *     reference CAM)
 */
@JsonTypeName("cam")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CamConfig(String tap, String camNormalization, String classifierInit) implements MethodConfig {
  public CamConfig {
    camNormalization = CamNormalization.of(camNormalization).key();
    if (classifierInit != null && !classifierInit.equals("kaiming") && !classifierInit.equals("linear")) {
      throw new org.fga.core.error.InvalidOptionException("classifierInit", "must be one of kaiming, linear; got '" + classifierInit + "'");
    }
  }

  public CamConfig(String tap, String camNormalization) {
    this(tap, camNormalization, null);
  }

  public static CamConfig defaults() {
    return new CamConfig(null, null, null);
  }

  /** Whether the classifier starts as PyTorch's nn.Linear. */
  public boolean linearInit() {
    return "linear".equals(classifierInit);
  }
}
