package org.fga.bench.grid;

import org.fga.core.metric.MetricPath;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Renders a grid as a markdown table: mean ± sample standard deviation over seeds, in percent, the
 * paper's number beside ours, and optionally Welch's t-test p-value of each row against a reference
 * row (two-sided, unequal variances).
 */
public final class GridTable {
  private GridTable() {}

  public static String markdown(List<MetricPath> metrics, List<GridRow> rows, String compareTo, int seeds) {
    StringBuilder sb = new StringBuilder();
    boolean anyPaper = rows.stream().anyMatch(r -> r.paper() != null);
    GridRow ref = compareTo == null ? null : rows.stream().filter(r -> r.name().equals(compareTo)).findFirst()
        .orElseThrow(() -> new org.fga.core.error.FgaUserException(
            "--compare-to '" + compareTo + "' is not a spec of this grid; specs: "
                + rows.stream().map(GridRow::name).toList()));
    sb.append("| spec | method |");
    for (MetricPath m : metrics) {
      sb.append(' ').append(m.path()).append(" (%) |");
      if (ref != null) {
        sb.append(" p vs ").append(ref.name()).append(" |");
      }
    }
    if (anyPaper) {
      sb.append(" paper |");
    }
    sb.append('\n').append("|---|---|");
    sb.append("---|".repeat(metrics.size() * (ref != null ? 2 : 1)));
    if (anyPaper) {
      sb.append("---|");
    }
    sb.append('\n');
    for (GridRow r : rows) {
      sb.append("| ").append(r.name()).append(" | ").append(r.method()).append(" |");
      for (int i = 0; i < metrics.size(); i++) {
        DescriptiveStatistics st = new DescriptiveStatistics(r.values().get(i));
        sb.append(String.format(Locale.ROOT, " %.2f ± %.2f |", 100 * st.getMean(), 100 * st.getStandardDeviation()));
        if (ref != null) {
          sb.append(' ').append(r == ref ? "–" : pValue(r.values().get(i), ref.values().get(i))).append(" |");
        }
      }
      if (anyPaper) {
        // the note travels with the number: it says when the paper's value is not comparable
        sb.append(' ').append(r.paper() == null ? "" : String.format(Locale.ROOT, "%s %s (%s)%s",
            r.paper().metric(), r.paper().value() == null ? "n/a" : r.paper().value(), r.paper().source(),
            r.paper().note() == null || r.paper().note().isBlank() ? "" : "; " + r.paper().note()))
            .append(" |");
      }
      sb.append('\n');
    }
    sb.append(String.format(Locale.ROOT, "%n%d seeds per spec; mean ± sample standard deviation.%n", seeds));
    return sb.toString();
  }

  static String pValue(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      return "n/a";
    }
    DescriptiveStatistics sa = new DescriptiveStatistics(a);
    DescriptiveStatistics sb = new DescriptiveStatistics(b);
    if (sa.getVariance() == 0 && sb.getVariance() == 0) {
      return sa.getMean() == sb.getMean() ? "1" : "0";
    }
    return String.format(Locale.ROOT, "%.3f", new TTest().tTest(a, b));
  }
}
