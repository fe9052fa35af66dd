package org.fga.bench.table;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.error.InvalidOptionException;

/**
 * A table file ({@code configs/<method>/tables/<name>.yaml}): one table of a paper as rows ×
 * columns of experiments, the paper's number in every cell that has one.
 *
 * @param title what the table shows
 * @param source the paper and its table number
 * @param seeds the seeds every cell is run with
 * @param reference label of the row the others are tested against (ablations), or null
 * @param columns dataset × metric
 * @param rows each a label, overrides shared by its cells, and its cells by column name
 */
public record TableSpec(
    String title,
    String source,
    List<Long> seeds,
    String reference,
    List<Column> columns,
    List<Row> rows) {

  /**
   * @param name the column's heading, e.g. {@code CUB}
   * @param metric dotted path into {@code metrics.json}'s {@code metrics}, e.g. {@code accuracy.top1}
   * @param scale multiplies our values to the paper's unit (100 for a fraction shown in percent)
   * @param runsOf another column whose runs this one reads (a second metric of the same runs, as
   *     top-1 and MaxBoxAccV2 of one training); such a column has no cells and trains nothing
   * @param resultsKey the key of a reference harness's result line that holds this column's number,
   *     when it is not the metric path or its last part (e.g. {@code top1Best} for {@code
   *     bestEpoch.accuracy.top1}); null reads the metric's own name
   */
  public record Column(String name, String metric, Double scale, String runsOf, String resultsKey) {
    public Column(String name, String metric, Double scale) {
      this(name, metric, scale, null, null);
    }

    public Column {
      if (name == null || name.isBlank()) {
        throw new InvalidOptionException("name", "is required for every column");
      }
      if (metric == null || metric.isBlank()) {
        throw new InvalidOptionException("metric", "is required for column '" + name + "'");
      }
      scale = scale == null ? 100.0 : scale;
    }
  }

  /**
   * @param spec the experiment file (relative to the table file)
   * @param overrides {@code key=value} changes, as {@code -o} takes them
   * @param paper the paper's number, in the paper's unit, or null
   * @param note why there is no number, or what the paper's number is not comparable with
   * @param results instead of {@code spec}: a reference harness's JSON-lines result file (relative to
   *     the table file), one line per finished run ({@link ReferenceResults}); the cell trains nothing
   * @param match the values a result line must hold to belong to this cell (its method, recipe, ...)
   */
  public record Cell(String spec, List<String> overrides, Double paper, String note, String results,
      Map<String, Object> match) {
    public Cell(String spec, List<String> overrides, Double paper, String note) {
      this(spec, overrides, paper, note, null, null);
    }

    public Cell {
      boolean hasSpec = spec != null && !spec.isBlank();
      boolean hasResults = results != null && !results.isBlank();
      if (hasSpec == hasResults) {
        throw new InvalidOptionException("spec", "or results: every cell needs exactly one of them (an experiment"
            + " file to run, or a reference harness's result file to read)");
      }
      overrides = overrides == null ? List.of() : List.copyOf(overrides);
      match = match == null ? Map.of() : new LinkedHashMap<>(match);
      if (hasResults && !overrides.isEmpty()) {
        throw new InvalidOptionException("overrides", "do not apply to a results cell (" + results + "): it runs nothing");
      }
    }

    /** Whether the cell reads a reference harness's results instead of running an experiment. */
    public boolean isReferenceResults() {
      return results != null;
    }
  }

  /**
   * @param label the row's heading
   * @param overrides applied to every cell of the row before the cell's own
   * @param cells by column name; a column without a cell is shown empty
   */
  public record Row(String label, List<String> overrides, Map<String, Cell> cells) {
    public Row {
      if (label == null || label.isBlank()) {
        throw new InvalidOptionException("label", "is required for every row");
      }
      overrides = overrides == null ? List.of() : List.copyOf(overrides);
      cells = cells == null ? Map.of() : new LinkedHashMap<>(cells);
    }
  }

  @JsonCreator
  public TableSpec(
      @JsonProperty("title") String title,
      @JsonProperty("source") String source,
      @JsonProperty("seeds") List<Long> seeds,
      @JsonProperty("reference") String reference,
      @JsonProperty("columns") List<Column> columns,
      @JsonProperty("rows") List<Row> rows) {
    if (title == null || title.isBlank()) {
      throw new InvalidOptionException("title", "is required");
    }
    if (columns == null || columns.isEmpty() || rows == null || rows.isEmpty()) {
      throw new InvalidOptionException("columns", "and rows must both be given");
    }
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name());
    }
    for (Column c : columns) {
      if (c.runsOf() != null
          && columns.stream().noneMatch(o -> o.name().equals(c.runsOf()) && o.runsOf() == null)) {
        throw new InvalidOptionException("columns", "'" + c.name() + "' reads the runs of '" + c.runsOf()
            + "', which is not a column with cells of its own; columns: " + String.join(", ", names));
      }
    }
    for (Row r : rows) {
      for (String col : r.cells().keySet()) {
        if (!names.contains(col)) {
          throw new InvalidOptionException("rows", "'" + r.label() + "' has a cell for unknown column '" + col + "'; columns: " + String.join(", ", names));
        }
        if (columns.get(names.indexOf(col)).runsOf() != null) {
          throw new InvalidOptionException("rows", "'" + r.label() + "' has a cell for column '" + col
              + "', which reads the runs of '" + columns.get(names.indexOf(col)).runsOf() + "': give the cell there");
        }
      }
    }
    if (reference != null && rows.stream().noneMatch(r -> r.label().equals(reference))) {
      throw new InvalidOptionException("reference", "names no row: '" + reference + "'");
    }
    this.title = title;
    this.source = source;
    this.seeds = seeds == null || seeds.isEmpty() ? List.of(0L, 1L, 2L) : List.copyOf(seeds);
    this.reference = reference;
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
  }

  /**
   * The cell shown at (row, column): the row's own cell, or for a {@link Column#runsOf} column the
   * cell whose runs it reads, without that cell's paper number and note (they belong to its metric).
   */
  public Cell cellOf(int row, int column) {
    Column col = columns.get(column);
    Row r = rows.get(row);
    if (col.runsOf() == null) {
      return r.cells().get(col.name());
    }
    Cell source = r.cells().get(col.runsOf());
    return source == null ? null : new Cell(source.spec(), source.overrides(), null, null, source.results(), source.match());
  }
}
