package org.fga.core.metric;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of {@code eval.metrics}: the options of one metric. Each metric plugin contributes a
 * record with {@code @JsonTypeName} equal to the metric's name and registers it from its module's
 * {@code jacksonModules()}; the {@code type} key selects it. A bare name in the experiment file
 * stands for the record with every option at its default.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface MetricConfig {}
