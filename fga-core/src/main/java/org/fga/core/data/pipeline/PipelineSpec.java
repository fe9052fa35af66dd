package org.fga.core.data.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.fga.core.data.SampleTransform;
import org.fga.core.spec.InvalidOptionException;

/**
 * The {@code pipeline:} block: the steps applied to each training sample and to each test sample,
 * in order, before normalisation by the backbone's mean and std (which is not a step: the
 * backbone owns it).
 *
 * <p>{@code views} (optional) turns each training sample into several views, as self-supervised
 * methods need: view k applies {@code train}'s steps and then {@code views[k]}'s, with its own
 * random draws. The lists may differ (BYOL's views are asymmetric: blur p 1.0 / 0.1, solarize p 0
 * / 0.2). Without {@code views} a training sample is one image, as before.
 */
public record PipelineSpec(
    List<PipelineStep> train,
    List<PipelineStep> test,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<List<PipelineStep>> views) {
  @JsonCreator
  public PipelineSpec(
      @JsonProperty("train") List<PipelineStep> train,
      @JsonProperty("test") List<PipelineStep> test,
      @JsonProperty("views") List<List<PipelineStep>> views) {
    this.train = train == null ? List.of() : List.copyOf(train);
    this.test = test == null ? List.of() : List.copyOf(test);
    this.views = views == null ? List.of() : views.stream().map(v -> v == null ? List.<PipelineStep>of() : List.copyOf(v)).toList();
    if (this.views.size() == 1) {
      throw new InvalidOptionException("views", "needs at least two step lists (one per view), got one");
    }
  }

  /** A pipeline without views. */
  public PipelineSpec(List<PipelineStep> train, List<PipelineStep> test) {
    this(train, test, null);
  }

  /** Whether a training sample becomes several views. */
  public boolean hasViews() {
    return !views.isEmpty();
  }

  /** One transform per view: {@code train}'s steps, then the view's own. */
  public List<SampleTransform> viewTransforms() {
    return views.stream().map(v -> chain(concat(train, v))).toList();
  }

  private static List<PipelineStep> concat(List<PipelineStep> a, List<PipelineStep> b) {
    List<PipelineStep> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  public SampleTransform trainTransform() {
    return chain(train);
  }

  public SampleTransform testTransform() {
    return chain(test);
  }

  private static SampleTransform chain(List<PipelineStep> steps) {
    SampleTransform t = SampleTransform.identity();
    for (PipelineStep s : steps) {
      t = t == SampleTransform.identity() ? s.create() : t.then(s.create());
    }
    return t;
  }

  /**
   * The size the training images reach the batcher at, given the size the dataset gives ({@code
   * null} for images of varying size): never {@code null} for a valid spec.
   */
  public ImageSize trainSize(ImageSize input) {
    return hasViews() ? sizeAfter(concat(train, views.get(0)), input) : sizeAfter(train, input);
  }

  public ImageSize testSize(ImageSize input) {
    return sizeAfter(test, input);
  }

  static ImageSize sizeAfter(List<PipelineStep> steps, ImageSize input) {
    ImageSize size = input;
    for (PipelineStep s : steps) {
      size = s.outputSize(size);
    }
    return size;
  }

  /**
   * Refuses a pipeline that would hand the batcher images of different sizes: with data of varying
   * size ({@code input == null}) each list must contain a step that fixes the size.
   */
  public PipelineSpec checkedFor(ImageSize input, String dataset) {
    if (trainSize(input) == null) {
      throw new InvalidOptionException(
          "train",
          "leaves " + dataset + " images at their own sizes; add a step that fixes the size"
              + " (resize with size: [H, W], randomCrop, centerCrop or randomResizedCrop)");
    }
    for (int k = 0; k < views.size(); k++) {
      ImageSize v = sizeAfter(concat(train, views.get(k)), input);
      ImageSize first = trainSize(input);
      if (v == null || !v.equals(first)) {
        throw new InvalidOptionException(
            "views[" + k + "]",
            "leaves " + dataset + " images at " + (v == null ? "their own sizes" : v) + " but view 0 at " + first
                + "; every view must end at one fixed size (end each with the same randomResizedCrop size)");
      }
    }
    if (testSize(input) == null) {
      throw new InvalidOptionException(
          "test",
          "leaves " + dataset + " images at their own sizes; add a step that fixes the size"
              + " (resize with size: [H, W], or resize shorter: N then centerCrop)");
    }
    return this;
  }
}
