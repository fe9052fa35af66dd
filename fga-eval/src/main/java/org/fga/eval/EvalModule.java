package org.fga.eval;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.eval.plugin.AccuracyMetric;
import org.fga.eval.plugin.AccuracyMetricConfig;
import org.fga.eval.plugin.MultiLabelMapMetric;
import org.fga.eval.plugin.MultiLabelMapMetricConfig;
import org.fga.eval.plugin.PxapMetric;
import org.fga.eval.plugin.PxapMetricConfig;
import org.fga.eval.plugin.ReidMetric;
import org.fga.eval.plugin.ReidMetricConfig;
import org.fga.eval.plugin.RetrievalMetric;
import org.fga.eval.plugin.RetrievalMetricConfig;
import org.fga.eval.plugin.SegmentationMetric;
import org.fga.eval.plugin.SegmentationMetricConfig;
import org.fga.eval.plugin.WsolMetric;
import org.fga.eval.plugin.WsolMetricConfig;

/** Registers the metrics of fga-eval and their option records (the {@code eval.metrics} entries). */
public final class EvalModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .metric(AccuracyMetric.class)
        .metric(MultiLabelMapMetric.class)
        .metric(ReidMetric.class)
        .metric(SegmentationMetric.class)
        .metric(WsolMetric.class)
        .metric(PxapMetric.class)
        .metric(RetrievalMetric.class);
  }

  @Override
  public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of(
        ConfigTypes.of(
            "eval",
            AccuracyMetricConfig.class,
            MultiLabelMapMetricConfig.class,
            ReidMetricConfig.class,
            SegmentationMetricConfig.class,
            WsolMetricConfig.class,
            PxapMetricConfig.class,
            RetrievalMetricConfig.class));
  }
}
