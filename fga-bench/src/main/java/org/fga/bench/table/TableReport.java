package org.fga.bench.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * A table's cells as paper | ours (mean ± std, n) | Δ, with 95 % confidence intervals and, for
 * ablations, p-values against the reference row: paired by seed when both cells have the same
 * seeds finished, Welch's t-test otherwise. Written as markdown, CSV and a self-contained HTML page.
 */
public final class TableReport {
  /** One cell's numbers. */
  public record Stats(int n, double mean, double std, double ciLow, double ciHigh, Double paper, Double delta, Double p, String test,
      Double vsReference, Double vsReferenceLow, Double vsReferenceHigh) {
    public Stats(int n, double mean, double std, double ciLow, double ciHigh, Double paper, Double delta, Double p, String test) {
      this(n, mean, std, ciLow, ciHigh, paper, delta, p, test, null, null, null);
    }
  }

  private final TableSpec table;
  private final Stats[][] stats;
  private final double[][][] values;
  private final List<String> modified;
  private final String subset;

  public TableReport(TableSpec table, double[][][] values) {
    this(table, values, List.of(), null);
  }

  /**
   * @param modified the command line's {@code -o} overrides of every cell: the table then is not
   *     the committed one, and every output says so
   * @param subset what {@code --seeds/--columns/--rows} selected ({@link TableSubset#describe}), or null
   */
  public TableReport(TableSpec table, double[][][] values, List<String> modified, String subset) {
    this(table, values, modified, subset, java.util.Set.of());
  }

  /**
   * @param pairedWithResults rows whose runs started from the reference harness's draws of their
   *     seed ({@link TableRunner#rowsPairedWithReferenceResults}): compared with it seed by seed
   */
  public TableReport(TableSpec table, double[][][] values, List<String> modified, String subset,
      java.util.Set<Integer> pairedWithResults) {
    this.table = table;
    this.values = values;
    this.modified = List.copyOf(modified);
    this.subset = subset;
    this.stats = new Stats[table.rows().size()][table.columns().size()];
    int ref = -1;
    for (int r = 0; r < table.rows().size(); r++) {
      if (table.rows().get(r).label().equals(table.reference())) {
        ref = r;
      }
    }
    for (int r = 0; r < stats.length; r++) {
      for (int c = 0; c < stats[r].length; c++) {
        TableSpec.Cell cell = table.cellOf(r, c);
        if (cell == null) {
          continue;
        }
        // a reference harness's runs share no random stream with ours: seed k of one is not paired
        // with seed k of the other, unless the row started from the harness's draws of that seed
        boolean unpaired = (cell.isReferenceResults() || ref >= 0 && table.cellOf(ref, c) != null && table.cellOf(ref, c).isReferenceResults())
            && !pairedWithResults.contains(r);
        stats[r][c] = stats(values[r][c], cell.paper(), ref >= 0 && ref != r ? values[ref][c] : null, unpaired);
      }
    }
  }

  public Stats cell(int row, int column) {
    return stats[row][column];
  }

  static Stats stats(double[] v, Double paper, double[] reference) {
    return stats(v, paper, reference, false);
  }

  /**
   * @param unpaired never pair by seed (runs of two code bases): Welch's test and interval
   */
  static Stats stats(double[] v, Double paper, double[] reference, boolean unpaired) {
    DescriptiveStatistics d = new DescriptiveStatistics();
    for (double x : v) {
      if (!Double.isNaN(x)) {
        d.addValue(x);
      }
    }
    int n = (int) d.getN();
    double mean = n == 0 ? Double.NaN : d.getMean();
    double std = n < 2 ? Double.NaN : d.getStandardDeviation();
    double half = n < 2 ? Double.NaN : new TDistribution(n - 1).inverseCumulativeProbability(0.975) * std / Math.sqrt(n);
    Double p = null;
    String test = null;
    if (reference != null) {
      boolean paired = true;
      List<Double> a = new ArrayList<>();
      List<Double> b = new ArrayList<>();
      for (int k = 0; k < v.length; k++) {
        if (Double.isNaN(v[k]) != Double.isNaN(reference[k])) {
          paired = false;
        }
        if (!Double.isNaN(v[k]) && !Double.isNaN(reference[k])) {
          a.add(v[k]);
          b.add(reference[k]);
        }
      }
      double[] ours = present(v);
      double[] refs = present(reference);
      double[] diff = null;
      if (!unpaired && paired && a.size() >= 2 && differs(a, b)) {
        p = new TTest().pairedTTest(unbox(a), unbox(b));
        test = "paired t";
        diff = pairedDifference(unbox(a), unbox(b));
      } else if (ours.length >= 2 && refs.length >= 2) {
        p = new TTest().tTest(ours, refs);
        test = "Welch";
        diff = welchDifference(ours, refs);
      }
      if (diff != null) {
        return new Stats(n, mean, std, mean - half, mean + half, paper,
            paper == null || n == 0 ? null : mean - paper, p, test, diff[0], diff[1], diff[2]);
      }
    }
    return new Stats(n, mean, std, mean - half, mean + half, paper,
        paper == null || n == 0 ? null : mean - paper, p, test);
  }

  /** Mean of a − b by seed and its 95 % interval (t with n − 1 degrees of freedom). */
  static double[] pairedDifference(double[] a, double[] b) {
    DescriptiveStatistics d = new DescriptiveStatistics();
    for (int i = 0; i < a.length; i++) {
      d.addValue(a[i] - b[i]);
    }
    double half = new TDistribution(a.length - 1).inverseCumulativeProbability(0.975) * d.getStandardDeviation() / Math.sqrt(a.length);
    return new double[] {d.getMean(), d.getMean() - half, d.getMean() + half};
  }

  /** mean(a) − mean(b) and its 95 % Welch interval (Welch–Satterthwaite degrees of freedom). */
  static double[] welchDifference(double[] a, double[] b) {
    DescriptiveStatistics da = new DescriptiveStatistics(a);
    DescriptiveStatistics db = new DescriptiveStatistics(b);
    double va = da.getVariance() / a.length;
    double vb = db.getVariance() / b.length;
    double diff = da.getMean() - db.getMean();
    double se = Math.sqrt(va + vb);
    if (se == 0) {
      return new double[] {diff, diff, diff};
    }
    double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    double half = new TDistribution(df).inverseCumulativeProbability(0.975) * se;
    return new double[] {diff, diff - half, diff + half};
  }

  /** A paired test of identical samples has no variance; Welch's then says what there is to say. */
  private static boolean differs(List<Double> a, List<Double> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static double[] present(double[] v) {
    return java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
  }

  private static double[] unbox(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private String ours(Stats s) {
    if (s == null) {
      return "";
    }
    if (s.n() == 0) {
      return "not run";
    }
    return s.n() == 1
        ? String.format(Locale.ROOT, "%.1f (n=1)", s.mean())
        : String.format(Locale.ROOT, "%.1f ± %.1f (n=%d)", s.mean(), s.std(), s.n());
  }

  private static String num(Double v) {
    return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String delta(Double v) {
    return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%+.1f", v);
  }

  /** Δ against the reference row with its 95 % interval, and the test's p. */
  private static String pval(Stats s) {
    if (s == null || s.p() == null) {
      return "";
    }
    String p = String.format(Locale.ROOT, "%.3g (%s)", s.p(), s.test());
    return s.vsReference() == null ? p : String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]; %s",
        s.vsReference(), s.vsReferenceLow(), s.vsReferenceHigh(), p);
  }

  private String note(int r, int c) {
    TableSpec.Cell cell = table.cellOf(r, c);
    return cell == null || cell.note() == null ? "" : cell.note();
  }

  private boolean ablation() {
    return table.reference() != null;
  }

  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("## ").append(table.title()).append("\n\n");
    for (String mark : marks()) {
      b.append("**").append(mark).append("**\n\n");
    }
    if (table.source() != null) {
      b.append("Source: ").append(table.source()).append(". ");
    }
    b.append("Seeds: ").append(table.seeds()).append("; ours = mean ± std over finished seeds; Δ = ours − paper")
        .append(ablation() ? "; vs '" + table.reference() + "' = ours − that row [95 % CI]; p" : "").append(".\n\n");
    b.append("| row |");
    for (TableSpec.Column c : table.columns()) {
      b.append(" ").append(c.name()).append(" paper | ours | 95 % CI | Δ |");
      if (ablation()) {
        b.append(" vs ref |");
      }
    }
    b.append("\n|---|");
    for (int c = 0; c < table.columns().size(); c++) {
      b.append(ablation() ? "---|---|---|---|---|" : "---|---|---|---|");
    }
    b.append("\n");
    List<String> notes = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      b.append("| ").append(table.rows().get(r).label()).append(" |");
      for (int c = 0; c < table.columns().size(); c++) {
        Stats s = stats[r][c];
        String paper = s == null ? "" : num(s.paper());
        String n = note(r, c);
        if (!n.isEmpty()) {
          notes.add(n);
          paper += (paper.isEmpty() ? "" : " ") + "[" + notes.size() + "]";
        }
        b.append(" ").append(paper).append(" | ").append(ours(s)).append(" | ")
            .append(s == null || s.n() < 2 ? "" : num(s.ciLow()) + " – " + num(s.ciHigh()))
            .append(" | ").append(s == null ? "" : delta(s.delta())).append(" |");
        if (ablation()) {
          b.append(" ").append(pval(s)).append(" |");
        }
      }
      b.append("\n");
    }
    for (int i = 0; i < notes.size(); i++) {
      b.append("\n[").append(i + 1).append("] ").append(notes.get(i));
    }
    return b.append(notes.isEmpty() ? "" : "\n").toString();
  }

  public String csv() {
    StringBuilder b = new StringBuilder("row,column,metric,paper,n,mean,std,ci_low,ci_high,delta,p,test,vs_ref,vs_ref_low,vs_ref_high,note,modified\n");
    String marks = quote(String.join("; ", marks()));
    for (int r = 0; r < table.rows().size(); r++) {
      for (int c = 0; c < table.columns().size(); c++) {
        Stats s = stats[r][c];
        if (s == null) {
          continue;
        }
        b.append(String.join(",", quote(table.rows().get(r).label()), quote(table.columns().get(c).name()),
            table.columns().get(c).metric(), s.paper() == null ? "" : plain(s.paper()), Integer.toString(s.n()),
            plain(s.mean()), plain(s.std()), plain(s.ciLow()), plain(s.ciHigh()),
            s.delta() == null ? "" : plain(s.delta()), s.p() == null ? "" : plain(s.p()),
            s.test() == null ? "" : s.test(), s.vsReference() == null ? "" : plain(s.vsReference()),
            s.vsReferenceLow() == null ? "" : plain(s.vsReferenceLow()),
            s.vsReferenceHigh() == null ? "" : plain(s.vsReferenceHigh()), quote(note(r, c)), marks)).append("\n");
      }
    }
    return b.toString();
  }

  /**
   * Six significant digits, plain notation: a mean of 28.75 is written 28.75, not the binary
   * neighbour {@code 28.749999999999996} that Double.toString gives; enough digits for any
   * statistic here, few enough for a spreadsheet to show.
   */
  static String plain(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "" : Double.toString(v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** What makes this table other than the committed one, one line each (empty for the table as committed). */
  List<String> marks() {
    List<String> m = new ArrayList<>();
    if (!modified.isEmpty()) {
      m.add("modified: -o " + String.join(" -o ", modified) + " (every cell; not the committed experiments)");
    }
    if (subset != null) {
      m.add(subset);
    }
    return m;
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** A page with no external resources: opens from the run folder, a mail or a wiki. */
  public String html() {
    StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(esc(table.title())).append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#eee}")
        .append("td.l{text-align:left}.notrun{color:#999}.neg{color:#b00}.pos{color:#070}.mark{color:#b00;font-weight:bold}")
        .append("a.run{font-size:80%;margin-left:.3em}")
        .append("</style></head><body><h2>").append(esc(table.title())).append("</h2>");
    for (String mark : marks()) {
      b.append("<p class=mark>").append(esc(mark)).append("</p>");
    }
    if (table.source() != null) {
      b.append("<p>Source: ").append(esc(table.source())).append("</p>");
    }
    b.append("<p>Seeds ").append(table.seeds()).append("; ours = mean ± std (n); Δ = ours − paper")
        .append(ablation() ? "; p against " + esc(table.reference()) : "").append(".</p><table><tr><th rowspan=2>row</th>");
    for (TableSpec.Column c : table.columns()) {
      b.append("<th colspan=").append(ablation() ? 5 : 4).append(">").append(esc(c.name())).append("</th>");
    }
    b.append("</tr><tr>");
    for (int c = 0; c < table.columns().size(); c++) {
      b.append("<th>paper</th><th>ours</th><th>95 % CI</th><th>Δ</th>").append(ablation() ? "<th>vs ref</th>" : "");
    }
    b.append("</tr>");
    for (int r = 0; r < table.rows().size(); r++) {
      b.append("<tr><td class=l>").append(esc(table.rows().get(r).label())).append("</td>");
      for (int c = 0; c < table.columns().size(); c++) {
        Stats s = stats[r][c];
        String n = note(r, c);
        b.append("<td").append(n.isEmpty() ? "" : " title=\"" + esc(n) + "\"").append(">")
            .append(s == null ? "" : num(s.paper())).append(n.isEmpty() ? "" : " *").append("</td>");
        b.append("<td").append(s != null && s.n() == 0 ? " class=notrun" : "").append(">").append(esc(ours(s)))
            .append(runLinks(r, c)).append("</td>");
        b.append("<td>").append(s == null || s.n() < 2 ? "" : num(s.ciLow()) + " – " + num(s.ciHigh())).append("</td>");
        String d = s == null ? "" : delta(s.delta());
        b.append("<td").append(d.startsWith("-") ? " class=neg" : d.startsWith("+") ? " class=pos" : "").append(">").append(d).append("</td>");
        if (ablation()) {
          b.append("<td>").append(esc(pval(s))).append("</td>");
        }
      }
      b.append("</tr>");
    }
    return b.append("</table><p>* hover for the note on the paper's number.</p></body></html>\n").toString();
  }

  /**
   * A link to each finished seed's {@code report.html} (loss curve, attention overlays, spec),
   * relative to the table's folder, where the runs are.
   */
  private String runLinks(int r, int c) {
    TableSpec.Column col = table.columns().get(c);
    if (table.cellOf(r, c) == null || table.cellOf(r, c).isReferenceResults()) {
      return ""; // a reference harness's runs have no fga run folder
    }
    String source = col.runsOf() != null ? col.runsOf() : col.name();
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < table.seeds().size(); k++) {
      if (!Double.isNaN(values[r][c][k])) {
        long seed = table.seeds().get(k);
        b.append("<a class=run href=\"").append(esc(TableRunner.runName(table.rows().get(r).label(), source, seed)))
            .append("/report.html\">s").append(seed).append("</a>");
      }
    }
    return b.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
