package org.fga.core.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fga.core.metric.MetricConfig;
import org.fga.core.metric.MetricProvider;
import org.fga.core.naming.ConfigTypes;
import org.fga.core.plugin.Registry;

/**
 * The {@code eval:} block.
 *
 * @param metrics the metrics and their options, e.g. {@code [accuracy, {type: wsol, iouThresholds:
 *     [50]}]}; a bare name means the metric's defaults. Null when the file leaves the key out: then
 *     {@link #DEFAULT_METRIC} is scored ({@link #metricsOrDefault}).
 * @param split the split that is reported ({@code test} by default)
 * @param heldOut the split thresholds are chosen on (never the reported one), or null
 * @param overlays how many attention overlays to write as PNGs under {@code attention/}
 * @param linearProbe a linear classifier trained on frozen features after the main phase, or null
 *     for none. Not a metric: it is a second training phase (its own pipeline, schedule and
 *     checkpoints), where metrics score what one pass of the evaluator collected
 * @param everyEpoch also score the reported split after every epoch (one line per epoch in the
 *     run's {@code eval-epochs.jsonl}) and report, as {@code metrics.bestEpoch}, every metric of
 *     the epoch that scored highest on {@code selectBy}: the rule of reference code that keeps its
 *     best test epoch's checkpoint (CAL's {@code model_bestacc.pth}), so both can be compared on
 *     the number the reference reports. The last epoch's metrics stay the run's {@code metrics}
 * @param selectBy the number that chooses the best epoch, a path into the metrics such as {@code
 *     accuracy.top1} (the default); only with {@code everyEpoch}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvalSpec(
    @JsonDeserialize(contentUsing = MetricEntryDeserializer.class) List<MetricConfig> metrics,
    String split,
    String heldOut,
    Integer overlays,
    LinearProbeSpec linearProbe,
    Boolean everyEpoch,
    String selectBy) {
  /** The metric scored when {@code eval.metrics} is left out. */
  public static final String DEFAULT_METRIC = "accuracy";

  /** The number {@code everyEpoch} chooses the best epoch by when {@code selectBy} is left out. */
  public static final String DEFAULT_SELECT_BY = "accuracy.top1";

  public EvalSpec {
    if (metrics != null) {
      requireOnePerName(metrics);
      metrics = List.copyOf(metrics);
    }
    split = split == null ? "test" : split;
    overlays = overlays == null ? 8 : overlays;
    if (selectBy != null && !Boolean.TRUE.equals(everyEpoch)) {
      throw new IllegalArgumentException(
          "eval.selectBy '" + selectBy + "' chooses among per-epoch evaluations; set eval.everyEpoch: true or drop it");
    }
    if (selectBy != null && selectBy.isBlank()) {
      throw new IllegalArgumentException("eval.selectBy is empty; name a number such as accuracy.top1, or drop the key");
    }
    everyEpoch = Boolean.TRUE.equals(everyEpoch) ? Boolean.TRUE : null;
    selectBy = everyEpoch == null ? null : selectBy == null ? DEFAULT_SELECT_BY : selectBy;
  }

  public static EvalSpec defaults() {
    return new EvalSpec(null, null, null, null, null, null, null);
  }

  public EvalSpec withMetrics(List<MetricConfig> m) {
    return new EvalSpec(m, split, heldOut, overlays, linearProbe, everyEpoch, selectBy);
  }

  public EvalSpec withLinearProbe(LinearProbeSpec p) {
    return new EvalSpec(metrics, split, heldOut, overlays, p, everyEpoch, selectBy);
  }

  /** Whether the reported split is also scored after every epoch. */
  public boolean scoresEveryEpoch() {
    return everyEpoch != null;
  }

  /**
   * Refuses, before anything trains, an {@code everyEpoch} whose {@code selectBy} does not start
   * with one of the scored metrics (the default {@code accuracy.top1} under {@code metrics:
   * [retrieval]}, say); the rest of the path is checked on the first epoch's results.
   */
  public void requireSelectByScored(Registry<MetricProvider> known) {
    if (selectBy == null) {
      return;
    }
    String first = selectBy.split("\\.")[0];
    List<String> names = metricsOrDefault(known).stream().map(ConfigTypes::nameOf).toList();
    if (!names.contains(first)) {
      throw new org.fga.core.error.FgaUserException("eval.selectBy '" + selectBy + "' does not start with a scored metric;"
          + " eval.metrics scores " + names);
    }
  }

  /** The listed metrics, or the default metric with its default options when none were listed. */
  public List<MetricConfig> metricsOrDefault(Registry<MetricProvider> known) {
    return metrics != null ? metrics : List.of(known.get(DEFAULT_METRIC).defaultConfig());
  }

  /** Results are keyed by metric name, so a second entry of the same metric would overwrite the first. */
  private static void requireOnePerName(List<MetricConfig> metrics) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < metrics.size(); i++) {
      if (metrics.get(i) == null) {
        throw new IllegalArgumentException("eval.metrics[" + i + "] is empty");
      }
      String name = ConfigTypes.nameOf(metrics.get(i));
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "eval.metrics lists '" + name + "' twice; results are keyed by metric name, give it once");
      }
    }
  }
}
