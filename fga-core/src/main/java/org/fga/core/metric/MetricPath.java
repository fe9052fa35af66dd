package org.fga.core.metric;

import com.fasterxml.jackson.databind.JsonNode;
import org.fga.core.error.FgaUserException;

/**
 * A dotted path into the {@code metrics} object of {@code metrics.json}, e.g. {@code
 * wsol.maxBoxAcc.50}; a numeric part indexes an array from 0 ({@code reid.cmc.0} is rank-1).
 */
public record MetricPath(String path) {
  /** The number at this path, or a one-line error naming the path and the keys that exist there. */
  public double read(JsonNode metrics, String origin) {
    if ((path.equals("wsol") || path.startsWith("wsol.")) && metrics.path("wsol").has("thresholdSelection")) {
      // written before wsol followed wsolevaluation's code: its keys held numbers at the held-out
      // threshold with other mask and box conventions, so a table would mix two definitions
      throw new FgaUserException(origin + ": its wsol numbers were scored by an earlier fga (not wsolevaluation's"
          + " definitions); delete that run's folder to train and score it again");
    }
    JsonNode n = metrics;
    StringBuilder seen = new StringBuilder();
    for (String part : path.split("\\.")) {
      JsonNode next = n.isArray() && part.matches("\\d+") ? n.get(Integer.parseInt(part)) : n.get(part);
      if (next == null) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        throw new FgaUserException(
            origin + ": no metric '" + path + "' (no key '" + part + "' under '" + seen + "'; keys there: " + keys + ")");
      }
      seen.append(seen.length() == 0 ? "" : ".").append(part);
      n = next;
    }
    if (n.isNull()) {
      return Double.NaN; // undefined (written as null, see Mappers), e.g. the AP of a class without positives
    }
    if (!n.isNumber()) {
      throw new FgaUserException(origin + ": metric '" + path + "' is not a number: " + n);
    }
    return n.asDouble();
  }
}
