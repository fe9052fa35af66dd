package org.fga.methods.cal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.fga.core.method.MethodConfig;

/**
 * Settings of {@code wsdan}: the CAL network and augmentation without the counterfactual effect
 * term (the ablation row). Keys and defaults as {@link CalConfig} minus {@code effectWeight}.
 */
@JsonTypeName("wsdan")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WsdanConfig(
    String tap,
    Integer attentionMaps,
    Double featureScale,
    Double rawWeight,
    Double augWeight,
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

  /** Fills every default and checks the values, as {@link CalConfig} does. */
  public WsdanConfig {
    FgvcSettings s = FgvcSettings.resolve(tap, attentionMaps, featureScale, rawWeight, augWeight,
        0.0, centreWeight, centreBeta, normalizeCentres, centreUpdate, cropTheta, cropPadding, dropTheta,
        testCropTheta, testCropPadding, testViews);
    attentionMaps = s.attentionMaps();
    featureScale = s.featureScale();
    rawWeight = s.rawWeight();
    augWeight = s.augWeight();
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

  public static WsdanConfig defaults() {
    return new WsdanConfig(null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  FgvcSettings settings() {
    return FgvcSettings.resolve(tap, attentionMaps, featureScale, rawWeight, augWeight, 0.0, centreWeight,
        centreBeta, normalizeCentres, centreUpdate, cropTheta, cropPadding, dropTheta, testCropTheta,
        testCropPadding, testViews);
  }
}
