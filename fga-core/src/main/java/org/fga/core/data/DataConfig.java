package org.fga.core.data;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The {@code data:} block of an experiment file. Each dataset plugin contributes a record with
 * {@code @JsonTypeName}; the {@code type} key selects it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface DataConfig {
  /** Side length of the square training and test images the loader produces. */
  int imageSize();

  /**
   * The training augmentation; it must return images of {@link #imageSize()} squared. The default
   * is no augmentation, for data that is generated at the right size.
   */
  default SampleTransform trainTransform() {
    return SampleTransform.identity();
  }

  /** The deterministic test-time pipeline (resize, centre crop); same size rule as training. */
  default SampleTransform evalTransform() {
    return SampleTransform.identity();
  }
}
