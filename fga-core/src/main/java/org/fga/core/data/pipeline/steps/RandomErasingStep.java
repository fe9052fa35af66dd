package org.fga.core.data.pipeline.steps;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Locale;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.pipeline.PipelineStep;
import org.fga.core.data.pipeline.Range;
import org.fga.core.data.transform.RandomErasing;
import org.fga.core.error.InvalidOptionException;

/**
 * {@code {type: randomErasing, p: 0.5, area: [0.02, 0.33], aspect: [0.3, 3.3], fill: mean,
 * aspectSampling: logUniform, attempts: 10}} (Zhong et al.). {@code fill}: {@code mean} (the
 * ImageNet mean, 0 after normalisation), {@code zero} (black), {@code random} (uniform noise), or
 * {@code value: [R, G, B]} in [0, 1]. The re-ID references draw the aspect uniformly over 100
 * attempts ({@code aspectSampling: uniform, attempts: 100}); torchvision draws it log-uniformly.
 */
@JsonTypeName("randomErasing")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RandomErasingStep(
    Double p,
    Range area,
    Range aspect,
    String fill,
    List<Double> value,
    String aspectSampling,
    Integer attempts)
    implements PipelineStep {
  private static final List<String> FILLS = List.of("mean", "zero", "random", "value");

  public RandomErasingStep {
    p = Checks.probability(p, 0.5);
    area = Checks.within("area", area, new Range(0.02, 0.33), 0, 1);
    aspect = Checks.within("aspect", aspect, new Range(0.3, 1 / 0.3), 0, Double.MAX_VALUE);
    fill = fill == null ? (value != null ? "value" : "mean") : fill.toLowerCase(Locale.ROOT);
    if (!FILLS.contains(fill)) {
      throw new InvalidOptionException("fill", "must be one of " + String.join(", ", FILLS) + ", got '" + fill + "'");
    }
    if (fill.equals("value") != (value != null)) {
      throw new InvalidOptionException("value", "goes with fill: value (give [R, G, B] in [0, 1])");
    }
    if (value != null) {
      value = Checks.colour("value", value);
    }
    aspectSampling = aspectSampling == null ? "logUniform" : aspectSampling;
    if (!aspectSampling.equals("logUniform") && !aspectSampling.equals("uniform")) {
      throw new InvalidOptionException("aspectSampling", "must be logUniform or uniform, got '" + aspectSampling + "'");
    }
    attempts = attempts == null ? 10 : attempts;
    if (attempts < 1) {
      throw new InvalidOptionException("attempts", "must be >= 1, got " + attempts);
    }
  }

  @Override
  public SampleTransform create() {
    float[] colour =
        switch (fill) {
          case "mean" -> RandomErasing.IMAGENET_MEAN;
          case "zero" -> new float[] {0f};
          case "random" -> null;
          default -> Checks.floats(value);
        };
    return new RandomErasing(p, area.min(), area.max(), aspect.min(), aspect.max(), colour)
        .optZhongSampling(attempts, aspectSampling.equals("uniform"));
  }
}
