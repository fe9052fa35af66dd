package org.fga.methods.cal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code cal} (defaults: the paper and the reference code, fgvc/).
 *
 * @param tap backbone stage the attention reads (default: the last)
 * @param attentionMaps M attention maps (32)
 * @param featureScale scale of the normalised BAP feature before the classifier (100)
 * @param rawWeight weight of CE(raw) (1/3)
 * @param augWeight weight of CE(crop + drop) (2/3)
 * @param effectWeight weight of CE(effect) over raw and augmented images (1)
 * @param centreWeight weight of the centre loss (1)
 * @param centreBeta centre update rate β (0.05)
 * @param normalizeCentres L2-normalise centres before the loss and the update (true: the reference
 *     train_distributed.py; false: the WS-DAN paper)
 * @param centreUpdate a class repeated in a batch keeps the {@code last} sample's update (the
 *     reference's indexed assignment) or the {@code mean} of its samples' updates (last)
 * @param cropTheta crop threshold range times the map maximum ([0.4, 0.6])
 * @param cropPadding crop box padding as a fraction of the image side (0.1)
 * @param dropTheta drop threshold range ([0.2, 0.5])
 * @param testCropTheta threshold of the test-time crop (0.1)
 * @param testCropPadding padding of the test-time crop (0.05)
 * @param testViews 2: raw + attention crop; 8: raw + crops at 0.3/0.2/0.1, each also flipped (2)
 */
@JsonTypeName("cal")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalConfig(
    String tap,
    Integer attentionMaps,
    Double featureScale,
    Double rawWeight,
    Double augWeight,
    Double effectWeight,
    Double centreWeight,
    Double centreBeta,
    Boolean normalizeCentres,
    String centreUpdate,
    List<Double> cropTheta,
    Double cropPadding,
    List<Double> dropTheta,
    Double testCropTheta,
    Double testCropPadding,
    Integer testViews)
    implements MethodConfig {

  /**
   * Fills every default, so that a run's resolved spec and {@code fga list --options} show the
   * values used, and checks them when the file is read rather than when training starts.
   */
  public CalConfig {
    FgvcSettings s = FgvcSettings.resolve(tap, attentionMaps, featureScale, rawWeight, augWeight,
        FgvcSettings.or(effectWeight, 1.0), centreWeight, centreBeta, normalizeCentres, centreUpdate, cropTheta,
        cropPadding, dropTheta, testCropTheta, testCropPadding, testViews);
    attentionMaps = s.attentionMaps();
    featureScale = s.featureScale();
    rawWeight = s.rawWeight();
    augWeight = s.augWeight();
    effectWeight = s.effectWeight();
    centreWeight = s.centreWeight();
    centreBeta = s.centreBeta();
    normalizeCentres = s.normalizeCentres();
    centreUpdate = s.centreUpdate();
    cropTheta = FgvcSettings.list(s.cropTheta());
    cropPadding = s.cropPadding();
    dropTheta = FgvcSettings.list(s.dropTheta());
    testCropTheta = s.testCropTheta();
    testCropPadding = s.testCropPadding();
    testViews = s.testViews();
  }

  public static CalConfig defaults() {
    return new CalConfig(null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
  }

  FgvcSettings settings() {
    return FgvcSettings.resolve(tap, attentionMaps, featureScale, rawWeight, augWeight,
        FgvcSettings.or(effectWeight, 1.0), centreWeight, centreBeta, normalizeCentres, centreUpdate, cropTheta,
        cropPadding, dropTheta, testCropTheta, testCropPadding, testViews);
  }
}
