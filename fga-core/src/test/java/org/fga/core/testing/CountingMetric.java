package org.fga.core.testing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricConfig;
import org.fga.core.metric.TypedMetric;

/**
 * {@code counting}: counts how often it is scored (tests of when evaluations happen) and, with
 * {@code failAt: n}, throws on the n-th time, as a process killed during that evaluation would stop.
 */
public final class CountingMetric extends TypedMetric<CountingMetric.Config> {
  /** Evaluations scored since the last {@link #reset}. */
  public static final AtomicInteger CALLS = new AtomicInteger();

  /** @param failAt the call (1-based) that throws; null or 0 never */
  @JsonTypeName("counting")
  public record Config(Integer failAt) implements MetricConfig {}

  public static void reset() {
    CALLS.set(0);
  }

  @Override
  public Config defaultConfig() {
    return new Config(null);
  }

  @Override
  public EvalNeeds needs() {
    return EvalNeeds.none();
  }

  @Override
  protected Map<String, Object> score(EvalOutputs outputs, Config config) {
    int n = CALLS.incrementAndGet();
    if (config.failAt() != null && n == config.failAt()) {
      throw new IllegalStateException("killed during evaluation " + n);
    }
    return Map.of("ok", 1.0);
  }
}
