package org.fga.methods.cal;

import java.util.List;
import org.fga.core.error.FgaUserException;

/**
 * The settings shared by {@code cal} and {@code wsdan} (the two differ only in the weight of the
 * counterfactual effect term), resolved to plain numbers.
 *
 * @param tap backbone stage the attention reads (null: the last)
 * @param attentionMaps M, the number of attention maps
 * @param featureScale the pooled, normalised feature is multiplied by this before the classifier
 * @param rawWeight weight of CE on the raw images
 * @param augWeight weight of CE on the augmented (crop + drop) images, a mean over both halves
 * @param effectWeight weight of CE on the effect logits of raw and augmented images (0: WS-DAN)
 * @param centreWeight weight of the centre loss
 * @param centreBeta centre update rate β in {@code c += β·(f − c)}
 * @param normalizeCentres L2-normalise the centres before the loss and the update (the reference
 *     code does; the WS-DAN paper does not)
 * @param centreUpdate how a class seen several times in a batch moves its centre: {@code last}
 *     (the reference's indexed assignment, the last sample's update is kept) or {@code mean}
 * @param cropTheta crop threshold range: θ ~ U(lo, hi) times the map's maximum
 * @param cropPadding padding of the crop box, as a fraction of the image side
 * @param dropTheta drop threshold range
 * @param testCropTheta crop threshold of the test-time attention crop
 * @param testCropPadding padding of the test-time attention crop
 * @param testViews 2 (raw + one crop) or 8 (raw + three crops, each also flipped)
 */
record FgvcSettings(
    String tap,
    int attentionMaps,
    double featureScale,
    double rawWeight,
    double augWeight,
    double effectWeight,
    double centreWeight,
    double centreBeta,
    boolean normalizeCentres,
    String centreUpdate,
    double[] cropTheta,
    double cropPadding,
    double[] dropTheta,
    double testCropTheta,
    double testCropPadding,
    int testViews) {

  /** Fills the defaults of the nullable config keys and checks the values. */
  static FgvcSettings resolve(
      String tap, Integer attentionMaps, Double featureScale, Double rawWeight, Double augWeight,
      double effectWeight, Double centreWeight, Double centreBeta, Boolean normalizeCentres,
      String centreUpdate, List<Double> cropTheta, Double cropPadding, List<Double> dropTheta, Double testCropTheta,
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
        normalizeCentres == null || normalizeCentres,
        centreUpdate == null ? FeatureCentres.LAST : centreUpdate,
        range("cropTheta", cropTheta, 0.4, 0.6),
        or(cropPadding, 0.1),
        range("dropTheta", dropTheta, 0.2, 0.5),
        or(testCropTheta, 0.1),
        or(testCropPadding, 0.05),
        or(testViews, 2));
    check(s.attentionMaps() > 0, "method.attentionMaps must be positive, got " + s.attentionMaps());
    check(FeatureCentres.LAST.equals(s.centreUpdate()) || FeatureCentres.MEAN.equals(s.centreUpdate()),
        "method.centreUpdate must be last or mean, got " + s.centreUpdate());
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

  static double[] range(String key, List<Double> v, double lo, double hi) {
    if (v == null) {
      return new double[] {lo, hi};
    }
    if (v.size() != 2 || v.get(0) > v.get(1) || v.get(0) < 0 || v.get(1) > 1) {
      throw new FgaUserException(
          "method." + key + " must be [lo, hi] with 0 <= lo <= hi <= 1, got " + v);
    }
    return new double[] {v.get(0), v.get(1)};
  }

  /** A [lo, hi] range as the config record holds it. */
  static List<Double> list(double[] range) {
    return List.of(range[0], range[1]);
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new FgaUserException(message);
    }
  }

  static double or(Double v, double d) {
    return v == null ? d : v;
  }

  static int or(Integer v, int d) {
    return v == null ? d : v;
  }
}
