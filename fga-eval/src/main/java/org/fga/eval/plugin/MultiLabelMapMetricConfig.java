package org.fga.eval.plugin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.fga.core.metric.MetricConfig;

/**
 * Options of {@code multilabel-map}.
 *
 * @param voc07 PASCAL VOC 2007's 11-point interpolated AP instead of the non-interpolated AP of
 *     VOC 2010+ and sklearn (default false)
 */
@JsonTypeName("multilabel-map")
public record MultiLabelMapMetricConfig(Boolean voc07) implements MetricConfig {
  public MultiLabelMapMetricConfig {
    voc07 = voc07 != null && voc07;
  }

  public static MultiLabelMapMetricConfig defaults() {
    return new MultiLabelMapMetricConfig(null);
  }
}
