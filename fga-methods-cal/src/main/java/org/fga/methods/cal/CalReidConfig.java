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
 * @param flipTest add the test feature of the mirrored image (true, as the reference)
 * @param testFeature the test embedding before L2 normalisation: {@code scores}, the classifier
 *     scores as the reference evaluator, or {@code neck}, the BN-neck feature (scores)
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
    Boolean flipTest,
    String testFeature)
    implements MethodConfig {

  /** Test embedding: the identity classifier's scores (the reference evaluator). */
  public static final String SCORES = "scores";

  /** Test embedding: the BN-neck feature. */
  public static final String NECK = "neck";

  public CalReidConfig {
    attentionMaps = or(attentionMaps, 8);
    embeddingDim = or(embeddingDim, 2048);
    labelSmoothing = or(labelSmoothing, 0.1);
    tripletMargin = or(tripletMargin, 0.3);
    tripletWeight = or(tripletWeight, 1.0);
    effectWeight = or(effectWeight, 1.0);
    flipTest = flipTest == null || flipTest;
    testFeature = testFeature == null ? SCORES : testFeature;
    check(SCORES.equals(testFeature) || NECK.equals(testFeature),
        "method.testFeature must be scores or neck, got " + testFeature);
    check(attentionMaps > 0, "method.attentionMaps must be positive, got " + attentionMaps);
    check(embeddingDim > 0, "method.embeddingDim must be positive, got " + embeddingDim);
    check(labelSmoothing >= 0 && labelSmoothing < 1,
        "method.labelSmoothing must be in [0, 1), got " + labelSmoothing);
    check(tripletMargin >= 0, "method.tripletMargin must be >= 0, got " + tripletMargin);
    check(tripletWeight >= 0 && effectWeight >= 0, "method loss weights must be >= 0");
  }

  public static CalReidConfig defaults() {
    return new CalReidConfig(null, null, null, null, null, null, null, null, null);
  }
}
