package org.fga.core.data.provider;


import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.fga.core.data.pipeline.steps.DefaultPipelines;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineSpec;

/**
 * The {@code data:} block of an experiment file. Each dataset plugin contributes a record with
 * {@code @JsonTypeName}; the {@code type} key selects it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface DataConfig {
  /**
   * The crop size of the reader's default pipeline ({@link #defaultPipeline()}); a spec with its
   * own {@code pipeline:} block sets the sizes there instead.
   */
  int imageSize();

  /**
   * The size every image of the dataset has, or {@code null} when images differ (every real
   * dataset on disk): then the pipeline must fix the size before batching.
   */
  default ImageSize nativeSize() {
    return null;
  }

  /**
   * The pipeline used when the spec has no {@code pipeline:} block: for disk data the
   * fine-grained practice (shorter side to 8/7 of {@link #imageSize()}, random crop and flip for
   * training; the same resize and a centre crop for testing).
   */
  default PipelineSpec defaultPipeline() {
    return DefaultPipelines.resizeCrop(imageSize());
  }
}
