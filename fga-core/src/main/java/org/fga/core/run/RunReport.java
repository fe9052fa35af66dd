package org.fga.core.run;

import org.fga.core.rundir.JsonLinesLog;
import org.fga.core.rundir.RunDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.fga.core.io.Mappers;

/**
 * {@code report.html}: one self-contained page per run with the metrics, the loss curve (inline
 * SVG drawn from {@code train.jsonl}), the attention overlays and the resolved spec, for people who
 * would rather look than read JSON.
 */
public final class RunReport {
  private static final ObjectMapper JSON = Mappers.json();

  private RunReport() {}

  public static void write(RunDir run, JsonNode metrics) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(esc(metrics.path("name").asText())).append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}img{margin:.3em;image-rendering:pixelated;width:256px}")
        .append("pre{background:#f6f6f6;padding:1em;overflow:auto}</style></head><body>");
    h.append("<h1>").append(esc(metrics.path("name").asText())).append("</h1><p>")
        .append(esc(metrics.path("method").asText())).append(" on ").append(esc(metrics.path("backbone").asText()))
        .append(", dataset ").append(esc(metrics.path("dataset").asText())).append(", seed ")
        .append(metrics.path("seed").asText()).append(", ").append(metrics.path("steps").asText()).append(" steps</p>");
    JsonNode origin = metrics.path("origin");
    if (origin.path("overrides").size() > 0) { // a changed experiment must not read as the committed one
      h.append("<p><b>modified:</b> ").append(esc(origin.path("file").asText("")));
      origin.path("overrides").forEach(o -> h.append(" -o ").append(esc(o.asText())));
      h.append("</p>");
    }
    h.append("<h2>Metrics</h2><table><tr><th>metric</th><th>value</th></tr>");
    flatten("", metrics.path("metrics"), h);
    h.append("</table>");
    if (metrics.has("paper")) {
      JsonNode p = metrics.get("paper");
      h.append("<p>Paper: ").append(esc(p.path("source").asText())).append(", table ").append(esc(p.path("table").asText()))
          .append(", row ").append(esc(p.path("row").asText())).append(": ").append(esc(p.path("metric").asText()))
          .append(" = ").append(esc(p.path("value").asText())).append("</p>");
    }
    h.append("<h2>Training loss</h2>").append(lossSvg(run.trainLog()));
    h.append(epochSvg(run.epochEvals(), metrics.path("metrics").path("bestEpoch")));
    List<String> pictures = pictures(run);
    if (!pictures.isEmpty()) {
      h.append("<h2>Attention</h2><p>image | attention of the true class; true boxes green, predicted red</p>");
      for (String p : pictures) {
        h.append("<img src=\"attention/").append(esc(p)).append("\" alt=\"").append(esc(p)).append("\">");
      }
    }
    try {
      h.append("<h2>Spec</h2><pre>").append(esc(Files.readString(run.spec()))).append("</pre>");
    } catch (IOException e) {
      h.append("<p>(no resolved spec)</p>");
    }
    h.append("</body></html>\n");
    RunDir.writeAtomically(run.report(), h.toString());
  }

  private static void flatten(String prefix, JsonNode n, StringBuilder h) {
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), h));
    } else if (n.isNumber()) {
      h.append("<tr><td>").append(esc(prefix)).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.4f", n.asDouble())).append("</td></tr>");
    } else if (!n.isArray() || n.size() <= 10) {
      h.append("<tr><td>").append(esc(prefix)).append("</td><td>").append(esc(n.toString())).append("</td></tr>");
    }
  }

  static String lossSvg(Path log) {
    if (!Files.isRegularFile(log)) {
      return "<p>(no train.jsonl)</p>";
    }
    List<double[]> pts = new ArrayList<>();
    try {
      for (JsonNode n : JsonLinesLog.read(log)) {
        if (n.has("loss") && Double.isFinite(n.get("loss").asDouble())) {
          pts.add(new double[] {n.get("step").asDouble(), n.get("loss").asDouble()});
        }
      }
    } catch (java.io.UncheckedIOException e) {
      return "<p>(no train.jsonl)</p>";
    }
    if (pts.size() < 2) {
      return "<p>(too few logged steps)</p>";
    }
    return lineSvg(pts, "steps", "loss", -1);
  }

  /**
   * The number {@code eval.selectBy} names, per epoch, from {@code eval-epochs.jsonl}, the chosen
   * epoch marked: how far the last epoch lies from the best is what a reader of a best-epoch number
   * needs to see. Empty when the run did not score every epoch.
   */
  static String epochSvg(Path evals, JsonNode bestEpoch) {
    String selectBy = bestEpoch.path("selectBy").asText("");
    if (selectBy.isEmpty() || !Files.isRegularFile(evals)) {
      return "";
    }
    List<double[]> pts = new ArrayList<>();
    int chosen = -1;
    org.fga.core.metric.MetricPath path = new org.fga.core.metric.MetricPath(selectBy);
    for (JsonNode n : JsonLinesLog.read(evals)) {
      double v = path.read(n.path("metrics"), evals.toString());
      if (!Double.isNaN(v)) {
        if (n.path("epoch").asInt() == bestEpoch.path("epoch").asInt()) {
          chosen = pts.size();
        }
        pts.add(new double[] {n.path("epoch").asDouble(), v});
      }
    }
    if (pts.size() < 2) {
      return "";
    }
    return "<h2>" + esc(selectBy) + " per epoch</h2><p>the reported split after every epoch; the circle is the best"
        + " epoch (metrics.bestEpoch), the last point the run's metrics</p>" + lineSvg(pts, "epochs", selectBy, chosen);
  }

  /** A 600 x 200 polyline of {@code pts} (x, y), scaled to their ranges, with point {@code mark} circled (-1: none). */
  private static String lineSvg(List<double[]> pts, String xName, String yName, int mark) {
    double x0 = pts.get(0)[0];
    double x1 = pts.get(pts.size() - 1)[0];
    double lo = pts.stream().mapToDouble(p -> p[1]).min().orElse(0);
    double hi = pts.stream().mapToDouble(p -> p[1]).max().orElse(1);
    int w = 600;
    int hgt = 200;
    StringBuilder sb = new StringBuilder();
    StringBuilder circle = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" style=\"border:1px solid #ccc\"><polyline fill=\"none\" stroke=\"#1565c0\" points=\"", w, hgt + 20));
    for (int i = 0; i < pts.size(); i++) {
      double[] p = pts.get(i);
      double x = (p[0] - x0) / Math.max(1e-9, x1 - x0) * (w - 10) + 5;
      double y = hgt - (p[1] - lo) / Math.max(1e-9, hi - lo) * (hgt - 10) + 5;
      sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      if (i == mark) {
        circle.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"none\" stroke=\"#c62828\"/>", x, y));
      }
    }
    sb.append("\"/>").append(circle);
    sb.append(String.format(Locale.ROOT, "<text x=\"5\" y=\"%d\" font-size=\"11\">%s %.0f–%.0f, %s %.3f–%.3f</text></svg>",
        hgt + 17, esc(xName), x0, x1, esc(yName), lo, hi));
    return sb.toString();
  }

  private static List<String> pictures(RunDir run) {
    if (!Files.isDirectory(run.attention())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(run.attention())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
