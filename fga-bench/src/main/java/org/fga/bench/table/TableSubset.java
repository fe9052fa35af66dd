package org.fga.bench.table;

import java.util.ArrayList;
import java.util.List;
import org.fga.core.error.FgaUserException;

/**
 * The part of a table that {@code fga table --seeds --columns --rows} selects: a committed table
 * cut down to what one machine can run, without copying and editing the file. Runs keep their
 * names ({@code <row>__<column>-s<seed>}), so they are shared with the whole table; what is
 * rendered says it is a subset.
 *
 * @param seeds the selected seeds, or null for all
 * @param columns the selected column names, or null for all
 * @param rows the selected row labels, or null for all
 */
public record TableSubset(List<Long> seeds, List<String> columns, List<String> rows) {
  public static final TableSubset ALL = new TableSubset(null, null, null);

  public boolean isAll() {
    return seeds == null && columns == null && rows == null;
  }

  /** The selected part of {@code t}; a name or seed that is not in it is one line listing those that are. */
  public TableSpec of(TableSpec t) {
    if (isAll()) {
      return t;
    }
    List<String> colNames = t.columns().stream().map(TableSpec.Column::name).toList();
    List<String> rowNames = t.rows().stream().map(TableSpec.Row::label).toList();
    requireKnown("seed", seeds, t.seeds());
    requireKnown("column", columns, colNames);
    requireKnown("row", rows, rowNames);
    List<TableSpec.Column> cols = new ArrayList<>();
    for (TableSpec.Column c : t.columns()) {
      if (columns == null || columns.contains(c.name())) {
        if (c.runsOf() != null && columns != null && !columns.contains(c.runsOf())) {
          throw new FgaUserException("--columns: '" + c.name() + "' reads the runs of '" + c.runsOf()
              + "'; select that column too");
        }
        cols.add(c);
      }
    }
    List<TableSpec.Row> rs = t.rows().stream().filter(r -> rows == null || rows.contains(r.label())).toList();
    String ref = t.reference() != null && rs.stream().anyMatch(r -> r.label().equals(t.reference())) ? t.reference() : null;
    List<TableSpec.Row> kept = rs.stream()
        .map(r -> new TableSpec.Row(r.label(), r.overrides(), onlyColumns(r, cols)))
        .toList();
    return new TableSpec(t.title(), t.source(), seeds == null ? t.seeds() : seeds, ref, cols, kept);
  }

  private static java.util.Map<String, TableSpec.Cell> onlyColumns(TableSpec.Row r, List<TableSpec.Column> cols) {
    java.util.Map<String, TableSpec.Cell> cells = new java.util.LinkedHashMap<>();
    r.cells().forEach((k, v) -> {
      if (cols.stream().anyMatch(c -> c.name().equals(k))) {
        cells.put(k, v);
      }
    });
    return cells;
  }

  private static <T> void requireKnown(String what, List<T> wanted, List<T> known) {
    if (wanted == null) {
      return;
    }
    for (T w : wanted) {
      if (!known.contains(w)) {
        throw new FgaUserException("--" + what + "s: the table has no " + what + " '" + w + "'; its " + what + "s: "
            + String.join(", ", known.stream().map(Object::toString).toList()));
      }
    }
  }

  /** {@code subset: seeds [0]; columns CUB; rows CAL, WS-DAN (no p-values: the reference row 'x' is not selected)}. */
  public String describe(TableSpec whole) {
    List<String> parts = new ArrayList<>();
    if (seeds != null) {
      parts.add("seeds " + seeds);
    }
    if (columns != null) {
      parts.add("columns " + String.join(", ", columns));
    }
    if (rows != null) {
      parts.add("rows " + String.join(", ", rows));
    }
    boolean refDropped = whole.reference() != null && rows != null && !rows.contains(whole.reference());
    return "subset of the table: " + String.join("; ", parts)
        + (refDropped ? " (no p-values: the reference row '" + whole.reference() + "' is not selected)" : "");
  }
}
