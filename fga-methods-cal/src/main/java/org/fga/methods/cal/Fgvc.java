package org.fga.methods.cal;

import static org.fga.methods.cal.FgvcSettings.check;
import static org.fga.methods.cal.FgvcSettings.or;
import static org.fga.methods.cal.FgvcSettings.range;

import java.util.List;

/** Resolves the nullable keys of {@link CalConfig} / {@link WsdanConfig} to checked settings. */
final class Fgvc {
  private Fgvc() {}

  @SuppressWarnings("checkstyle:ParameterNumber")
  static FgvcSettings settings(
      String tap, Integer attentionMaps, Double featureScale, Double rawWeight, Double augWeight,
      double effectWeight, Double centreWeight, Double centreBeta, Boolean normalizeCentres,
      List<Double> cropTheta, Double cropPadding, List<Double> dropTheta, Double testCropTheta,
      Double testCropPadding, Integer testViews) {
    FgvcSettings s = new FgvcSettings(
        tap,
        or(attentionMaps, 32),
        or(featureScale, 100.0),
        or(rawWeight, 1.0 / 3),
        or(augWeight, 2.0 / 3),
        effectWeight,
        or(centreWeight, 1.0),
        or(centreBeta, 0.05),
        normalizeCentres != null && normalizeCentres,
        range("cropTheta", cropTheta, 0.4, 0.6),
        or(cropPadding, 0.1),
        range("dropTheta", dropTheta, 0.2, 0.5),
        or(testCropTheta, 0.1),
        or(testCropPadding, 0.05),
        or(testViews, 2));
    check(s.attentionMaps() > 0, "method.attentionMaps must be positive, got " + s.attentionMaps());
    check(s.testViews() == 2 || s.testViews() == 8,
        "method.testViews must be 2 or 8, got " + s.testViews());
    check(s.centreBeta() >= 0 && s.centreBeta() <= 1,
        "method.centreBeta must be in [0, 1], got " + s.centreBeta());
    check(s.cropPadding() >= 0 && s.cropPadding() < 1,
        "method.cropPadding must be in [0, 1), got " + s.cropPadding());
    check(s.testCropTheta() >= 0 && s.testCropTheta() <= 1,
        "method.testCropTheta must be in [0, 1], got " + s.testCropTheta());
    for (double w : new double[] {s.rawWeight(), s.augWeight(), s.effectWeight(), s.centreWeight()}) {
      check(w >= 0, "method loss weights must be >= 0, got " + w);
    }
    return s;
  }
}
