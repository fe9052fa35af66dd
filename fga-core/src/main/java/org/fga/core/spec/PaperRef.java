package org.fga.core.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The published number an experiment reproduces, shown beside ours in tables.
 *
 * @param source paper and venue, e.g. {@code "GAIN, CVPR 2018"}
 * @param table table number in the paper
 * @param row the row's label in that table
 * @param metric the metric's name in the paper
 * @param value the number as printed (percent where the paper uses percent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaperRef(String source, Object table, String row, String metric, Double value) {}
