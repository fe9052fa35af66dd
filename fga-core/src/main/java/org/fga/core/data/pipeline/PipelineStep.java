package org.fga.core.data.pipeline;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.fga.core.data.SampleTransform;

/**
 * One entry of {@code pipeline.train} or {@code pipeline.test}: the options of one step. Each step
 * is a record with {@code @JsonTypeName}, registered by a plugin module with {@code
 * PluginBinder.step(...)} (the name is taken from the annotation; nothing else names it).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface PipelineStep {
  /** The step, ready to apply to samples. */
  SampleTransform create();

  /**
   * The size of the images this step returns given the size it receives ({@code null}: varying
   * from image to image, as on disk). Lets a spec be checked before any image is read.
   */
  default ImageSize outputSize(ImageSize input) {
    return input;
  }
}
