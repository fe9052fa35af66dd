package org.fga.core.backbone;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code backbone:} block of an experiment file.
 *
 * @param arch registered architecture name, e.g. {@code resnet50}
 * @param weights path of a {@code .safetensors}/{@code .npz} file with torchvision names, or null
 * @param lastStride stride of the last stage: 2 (torchvision) or 1 (re-ID practice)
 * @param outputStride 32, 16 or 8: stages past this stride keep stride 1 without dilation (RFGA
 *     uses 8, which makes layer3 and layer4 stride 1)
 * @param width base channel width (64 in torchvision); smaller values give tiny test models
 * @param allowMissing parameter-name prefixes allowed to be absent from {@code weights}
 * @param stemPool whether the stem ends with its max-pool (true, torchvision's, by default); false
 *     runs layer1 on the stem convolution's stride-2 maps, as GANPerf/LCR's ResNet forward does, so
 *     the same weights give maps twice as large at every stage (ResNets only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackboneSpec(
    String arch,
    String weights,
    Integer lastStride,
    Integer outputStride,
    Integer width,
    List<String> allowMissing,
    Boolean stemPool) {

  /** Without {@code stemPool}: torchvision's stem. */
  public BackboneSpec(String arch, String weights, Integer lastStride, Integer outputStride, Integer width,
      List<String> allowMissing) {
    this(arch, weights, lastStride, outputStride, width, allowMissing, null);
  }

  public BackboneSpec {
    if (arch == null || arch.isBlank()) {
      throw new IllegalArgumentException("backbone.arch is required");
    }
    lastStride = lastStride == null ? 2 : lastStride;
    outputStride = outputStride == null ? 32 : outputStride;
    allowMissing = allowMissing == null ? List.of() : List.copyOf(allowMissing);
    // the default is left out of resolved specs, so runs made before the key existed still match
    stemPool = Boolean.FALSE.equals(stemPool) ? Boolean.FALSE : null;
    if (lastStride != 1 && lastStride != 2) {
      throw new IllegalArgumentException("backbone.lastStride must be 1 or 2, got " + lastStride);
    }
    if (outputStride != 8 && outputStride != 16 && outputStride != 32) {
      throw new IllegalArgumentException(
          "backbone.outputStride must be 8, 16 or 32, got " + outputStride);
    }
    if (Boolean.FALSE.equals(stemPool) && outputStride == 32) {
      // without the pool the stages stop at 16; a resolved spec saying 32 would misdescribe the run
      throw new IllegalArgumentException(
          "backbone.stemPool: false reaches output stride 16 at most; set backbone.outputStride: 16 (or 8)");
    }
  }

  /** Whether the stem ends with torchvision's max-pool ({@code stemPool} not false). */
  public boolean pooledStem() {
    return stemPool == null;
  }

  /** Refuses a key {@code provider}'s architecture has no use for (named in the message), before it is built. */
  public void requireUsableBy(BackboneProvider provider) {
    if (!pooledStem() && !provider.takesStemPool()) {
      throw new org.fga.core.error.FgaUserException(
          "backbone.stemPool: false applies to architectures whose stem ends with a max-pool (the ResNets); "
              + arch + " has none");
    }
  }

  public static BackboneSpec of(String arch) {
    return new BackboneSpec(arch, null, null, null, null, null);
  }

  public BackboneSpec withWeights(String w) {
    return new BackboneSpec(arch, w, lastStride, outputStride, width, allowMissing, stemPool);
  }

  public BackboneSpec withWidth(int w) {
    return new BackboneSpec(arch, weights, lastStride, outputStride, w, allowMissing, stemPool);
  }
}
