package org.fga.core.data.pipeline;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.naming.Named;

/** A registered pipeline step: its name (the record's {@code @JsonTypeName}) and config record. */
public record StepType(String name, Class<? extends PipelineStep> config) implements Named {
  public static StepType of(Class<? extends PipelineStep> config) {
    JsonTypeName n = config.getAnnotation(JsonTypeName.class);
    if (n == null) {
      throw new IllegalArgumentException(config.getName() + " needs @JsonTypeName");
    }
    return new StepType(n.value(), config);
  }

  @Override
  public String description() {
    return config.getSimpleName();
  }
}
