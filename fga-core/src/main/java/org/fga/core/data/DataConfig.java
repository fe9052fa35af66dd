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
}
