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
 * @param note why {@code value} is missing (e.g. the table could not be read), if it is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaperRef(
    String source, Object table, String row, String metric, Double value, String note) {
  public PaperRef {
    if (value == null && (note == null || note.isBlank())) {
      throw new IllegalArgumentException(
          "paper.value is required; if the number cannot be given, say why in paper.note");
    }
  }
}
