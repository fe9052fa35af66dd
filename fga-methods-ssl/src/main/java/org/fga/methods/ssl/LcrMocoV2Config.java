package org.fga.methods.ssl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code lcr-mocov2}: MoCo v2 plus LCR's common-rationale branch fitted to the
 * Grad-CAM of the InfoNCE loss (GANPerf/LCR {@code moco/builder.py}, {@code main_moco.py}).
 *
 * @param queueSize K (65,536)
 * @param momentum m of the key encoder's EMA (0.999)
 * @param temperature T of InfoNCE (0.2)
 * @param dim output width of the MLP head (256)
 * @param hiddenSize hidden width of the MLP head (null: the backbone's channels)
 * @param branchChannels channels of the branch's 1×1 convolution (32)
 * @param fitTemperature T of the {@code flat} fitting loss (0.4)
 * @param fitWeight weight of the fitting loss ({@code --nu}, 0.01)
 * @param fitForm {@code flat} (default: the BYOL script's form, see README) or {@code rows} (the
 *     MoCo script's)
 */
@JsonTypeName("lcr-mocov2")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LcrMocoV2Config(
    Integer queueSize,
    Double momentum,
    Double temperature,
    Integer dim,
    Integer hiddenSize,
    Integer branchChannels,
    Double fitTemperature,
    Double fitWeight,
    FitForm fitForm)
    implements MethodConfig {
  public LcrMocoV2Config {
    queueSize = Checks.or(queueSize, 65536);
    momentum = Checks.or(momentum, 0.999);
    temperature = Checks.or(temperature, 0.2);
    dim = Checks.or(dim, 256);
    branchChannels = Checks.or(branchChannels, 32);
    fitTemperature = Checks.or(fitTemperature, 0.4);
    fitWeight = Checks.or(fitWeight, 0.01);
    fitForm = fitForm == null ? FitForm.FLAT : fitForm;
    new MocoSettings(queueSize, momentum, temperature, dim, Checks.or(hiddenSize, 0),
        new Rationale(branchChannels, fitTemperature, fitWeight, fitForm));
  }

  public static LcrMocoV2Config defaults() {
    return new LcrMocoV2Config(null, null, null, null, null, null, null, null, null);
  }

  MocoSettings settings() {
    return new MocoSettings(queueSize, momentum, temperature, dim, Checks.or(hiddenSize, 0),
        new Rationale(branchChannels, fitTemperature, fitWeight, fitForm));
  }
}
