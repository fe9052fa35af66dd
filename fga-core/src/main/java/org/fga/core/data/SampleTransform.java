package org.fga.core.data;

import java.util.Random;

/**
 * One step of the data pipeline (crop, resize, flip, jitter, erasing). Geometric steps move the
 * sample's boxes and masks with its pixels. Steps draw only from the given {@code random}, which
 * the loader seeds per sample and epoch so that a resumed run sees the same augmentations.
 */
@FunctionalInterface
public interface SampleTransform {
  Sample apply(Sample sample, Random random);

  default SampleTransform then(SampleTransform next) {
    return (s, r) -> next.apply(apply(s, r), r);
  }

  static SampleTransform identity() {
    return (s, r) -> s;
  }
}
