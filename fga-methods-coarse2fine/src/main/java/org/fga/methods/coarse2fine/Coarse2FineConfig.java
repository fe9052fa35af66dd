package org.fga.methods.coarse2fine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code coarse2fine}. The paper's text was not available: every default is our reading,
 * argued in the module README.
 *
 * @param tap backbone stage the attention reads (default: the last)
 * @param attentionMaps M attention maps of the 1×1 attention conv (32, as WS-DAN/CAL)
 * @param featureScale scale of the normalised BAP feature before the coarse classifier (100)
 * @param orthogonalInit (semi-)orthogonal initial rows of the attention conv (true)
 * @param stage1Epochs epochs of stage 1 (coarse network only); null: the first half of the run
 * @param coarseWeight weight of CE on the coarse logits (1)
 * @param fineWeight weight of CE on the fine logits in stage 2 (1)
 * @param minRegion smallest side of the zoomed region as a fraction of the image side (0.25)
 * @param zoomSize side of the zoomed image the fine stage sees; null: the input's size
 * @param shareBackbone the fine stage runs the coarse stage's backbone (true) or its own copy
 * @param combine test logits: {@code mean} of coarse and fine (default), {@code coarse}, {@code fine}
 */
@JsonTypeName("coarse2fine")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Coarse2FineConfig(
    String tap,
    Integer attentionMaps,
    Double featureScale,
    Boolean orthogonalInit,
    Integer stage1Epochs,
    Double coarseWeight,
    Double fineWeight,
    Double minRegion,
    Integer zoomSize,
    Boolean shareBackbone,
    String combine)
    implements MethodConfig {

  /** The test-time combinations {@code combine} accepts. */
  public static final List<String> COMBINATIONS = List.of("mean", "coarse", "fine");

  public Coarse2FineConfig {
    attentionMaps = attentionMaps == null ? 32 : attentionMaps;
    featureScale = featureScale == null ? 100.0 : featureScale;
    orthogonalInit = orthogonalInit == null || orthogonalInit;
    coarseWeight = coarseWeight == null ? 1.0 : coarseWeight;
    fineWeight = fineWeight == null ? 1.0 : fineWeight;
    minRegion = minRegion == null ? 0.25 : minRegion;
    shareBackbone = shareBackbone == null || shareBackbone;
    combine = combine == null ? "mean" : combine;
    check(attentionMaps > 0, "method.attentionMaps must be positive, got " + attentionMaps);
    check(featureScale > 0, "method.featureScale must be > 0, got " + featureScale);
    check(stage1Epochs == null || stage1Epochs >= 0, "method.stage1Epochs must be >= 0, got " + stage1Epochs);
    check(coarseWeight >= 0, "method.coarseWeight must be >= 0, got " + coarseWeight);
    check(fineWeight >= 0, "method.fineWeight must be >= 0, got " + fineWeight);
    check(minRegion > 0 && minRegion <= 1, "method.minRegion must be in (0, 1], got " + minRegion);
    check(zoomSize == null || zoomSize > 0, "method.zoomSize must be positive, got " + zoomSize);
    check(COMBINATIONS.contains(combine), "method.combine must be one of " + COMBINATIONS + ", got '" + combine + "'");
  }

  public static Coarse2FineConfig defaults() {
    return new Coarse2FineConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Whether a step belongs to stage 2. With {@code stage1Epochs} set, from that epoch on; unset,
   * from the middle step of the run on.
   */
  boolean stage2(int epoch, long step, long totalSteps) {
    return stage1Epochs != null ? epoch >= stage1Epochs : 2 * step >= totalSteps;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new FgaUserException(message);
    }
  }
}
