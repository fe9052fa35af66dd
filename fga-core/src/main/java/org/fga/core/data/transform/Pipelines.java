package org.fga.core.data.transform;

import org.fga.core.data.SampleTransform;

/**
 * The standard pipelines of the papers, for the loader to use before normalisation. Training:
 * random crop and flip (plus erasing for re-ID); evaluation: deterministic resize and centre crop.
 */
public final class Pipelines {
  private Pipelines() {}

  /** ImageNet-style training: random-resized crop to {@code size} and a horizontal flip. */
  public static SampleTransform trainRandomResizedCrop(int size) {
    return RandomResizedCrop.builder(size, size).optFlip(0.5).build();
  }

  /**
   * Fine-grained training (CUB practice, e.g. 512 then 448): resize the shorter side, random crop,
   * flip.
   */
  public static SampleTransform trainResizeCrop(int resize, int crop) {
    return Resize.shorterSide(resize)
        .then(new RandomCrop(crop, crop))
        .then(new HorizontalFlip(0.5));
  }

  /** Evaluation: resize the shorter side, centre crop. */
  public static SampleTransform eval(int resize, int crop) {
    return Resize.shorterSide(resize).then(new CenterCrop(crop, crop));
  }

  /** re-ID training (torchreid practice): resize to h × w, flip, random erasing with the mean. */
  public static SampleTransform trainReid(int height, int width) {
    return Resize.to(height, width)
        .then(new HorizontalFlip(0.5))
        .then(new RandomErasing(0.5, RandomErasing.IMAGENET_MEAN));
  }

  /** re-ID evaluation: resize to h × w. */
  public static SampleTransform evalReid(int height, int width) {
    return Resize.to(height, width);
  }

  /**
   * The usual pipeline for a dataset: synthetic images already have the configured size, so they
   * are only flipped (a random crop could cut the small part out); re-ID sets are resized to their
   * height × width; other disk sets use resize-to-8/7 then a crop of {@code imageSize} (512 → 448,
   * 256 → 224), random with a flip for training and central for evaluation.
   */
  public static SampleTransform standard(org.fga.core.data.DataConfig config, boolean train) {
    if (config instanceof org.fga.core.data.synthetic.SyntheticConfig) {
      return train ? new HorizontalFlip(0.5) : SampleTransform.identity();
    }
    if (config instanceof org.fga.core.datasets.reid.ReidConfig r) {
      return train ? trainReid(r.height(), r.width()) : evalReid(r.height(), r.width());
    }
    int crop = config.imageSize();
    int resize = (int) Math.round(crop * 8.0 / 7.0);
    return train ? trainResizeCrop(resize, crop) : eval(resize, crop);
  }
}
