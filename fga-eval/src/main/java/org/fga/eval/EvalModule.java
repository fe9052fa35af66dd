package org.fga.eval;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.eval.plugin.AccuracyMetric;
import org.fga.eval.plugin.MultiLabelMapMetric;
import org.fga.eval.plugin.PxapMetric;
import org.fga.eval.plugin.ReidMetric;
import org.fga.eval.plugin.RetrievalMetric;
import org.fga.eval.plugin.SegmentationMetric;
import org.fga.eval.plugin.SemanticMetric;
import org.fga.eval.plugin.WsolMetric;

/** Registers the metrics of fga-eval and their option records (the {@code eval.metrics} entries). */
public final class EvalModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .metric(AccuracyMetric.class)
        .metric(MultiLabelMapMetric.class)
        .metric(ReidMetric.class)
        .metric(SegmentationMetric.class)
        .metric(SemanticMetric.class)
        .metric(WsolMetric.class)
        .metric(PxapMetric.class)
        .metric(RetrievalMetric.class);
  }
}
