package org.fga.methods.cal;

import static org.fga.methods.cal.FgvcSettings.check;
import static org.fga.methods.cal.FgvcSettings.or;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code cal-reid} (defaults: the reference reid/ code). With {@code effectWeight: 0}
 * it is the same BAP re-ID network without the counterfactual term (the paper's baseline row).
 *
 * @param tap backbone stage the attention reads (default: the last; use lastStride 1)
 * @param attentionMaps M attention maps (8)
 * @param embeddingDim output of the linear layer after BAP, the triplet feature (2048)
 * @param labelSmoothing ε of the identity cross-entropy (0.1)
 * @param tripletMargin margin of the batch-hard triplet loss (0.3)
 * @param tripletWeight weight of the triplet loss (1)
 * @param effectWeight weight of CE on the effect logits (1; 0 turns CAL off)
 * @param flipTest average the features of the image and its mirror at test (true)
 */
@JsonTypeName("cal-reid")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalReidConfig(
    String tap,
    Integer attentionMaps,
    Integer embeddingDim,
    Double labelSmoothing,
    Double tripletMargin,
    Double tripletWeight,
    Double effectWeight,
    Boolean flipTest)
    implements MethodConfig {

  public CalReidConfig {
    attentionMaps = or(attentionMaps, 8);
    embeddingDim = or(embeddingDim, 2048);
    labelSmoothing = or(labelSmoothing, 0.1);
    tripletMargin = or(tripletMargin, 0.3);
    tripletWeight = or(tripletWeight, 1.0);
    effectWeight = or(effectWeight, 1.0);
    flipTest = flipTest == null || flipTest;
    check(attentionMaps > 0, "method.attentionMaps must be positive, got " + attentionMaps);
    check(embeddingDim > 0, "method.embeddingDim must be positive, got " + embeddingDim);
    check(labelSmoothing >= 0 && labelSmoothing < 1,
        "method.labelSmoothing must be in [0, 1), got " + labelSmoothing);
    check(tripletMargin >= 0, "method.tripletMargin must be >= 0, got " + tripletMargin);
    check(tripletWeight >= 0 && effectWeight >= 0, "method loss weights must be >= 0");
  }

  public static CalReidConfig defaults() {
    return new CalReidConfig(null, null, null, null, null, null, null, null);
  }
}
