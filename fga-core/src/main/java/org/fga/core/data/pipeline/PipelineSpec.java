package org.fga.core.data.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.fga.core.data.SampleTransform;
import org.fga.core.spec.InvalidOptionException;

/**
 * The {@code pipeline:} block: the steps applied to each training sample and to each test sample,
 * in order, before normalisation by the backbone's mean and std (which is not a step: the
 * backbone owns it).
 */
public record PipelineSpec(List<PipelineStep> train, List<PipelineStep> test) {
  @JsonCreator
  public PipelineSpec(
      @JsonProperty("train") List<PipelineStep> train,
      @JsonProperty("test") List<PipelineStep> test) {
    this.train = train == null ? List.of() : List.copyOf(train);
    this.test = test == null ? List.of() : List.copyOf(test);
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
    return sizeAfter(train, input);
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
    if (testSize(input) == null) {
      throw new InvalidOptionException(
          "test",
          "leaves " + dataset + " images at their own sizes; add a step that fixes the size"
              + " (resize with size: [H, W], or resize shorter: N then centerCrop)");
    }
    return this;
  }
}
