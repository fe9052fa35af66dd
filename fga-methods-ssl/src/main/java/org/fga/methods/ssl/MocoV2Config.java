package org.fga.methods.ssl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code mocov2} (Chen et al. 2020, as LCR's {@code moco/builder.py} runs it with
 * {@code --mlp --aug-plus --cos}). Needs a training pipeline with two {@code views}.
 *
 * @param queueSize K, negatives in the queue (65,536); must be a multiple of the batch size
 * @param momentum m of the key encoder's EMA (0.999)
 * @param temperature T of InfoNCE (0.2, MoCo v2's)
 * @param dim output width of the MLP head (256, the script's {@code --moco-dim})
 * @param hiddenSize hidden width of the MLP head (null: the backbone's channels, 2048 for ResNet-50)
 */
@JsonTypeName("mocov2")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MocoV2Config(Integer queueSize, Double momentum, Double temperature, Integer dim, Integer hiddenSize)
    implements MethodConfig {
  public MocoV2Config {
    queueSize = Checks.or(queueSize, 65536);
    momentum = Checks.or(momentum, 0.999);
    temperature = Checks.or(temperature, 0.2);
    dim = Checks.or(dim, 256);
    new MocoSettings(queueSize, momentum, temperature, dim, Checks.or(hiddenSize, 0), null);
  }

  public static MocoV2Config defaults() {
    return new MocoV2Config(null, null, null, null, null);
  }

  MocoSettings settings() {
    return new MocoSettings(queueSize, momentum, temperature, dim, Checks.or(hiddenSize, 0), null);
  }
}
