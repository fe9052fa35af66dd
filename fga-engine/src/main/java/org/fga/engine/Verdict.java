package org.fga.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine guard found and did.
 *
 * @param status the outcome
 * @param convPath where convolutions run now: {@code oneDNN}, {@code routed} (oneDNN, with the
 *     convolutions {@link ConvRoute} names taken off it) or {@code native}
 * @param onednnMismatches what oneDNN got wrong (empty when it was right, or not checked)
 * @param remaining what is still wrong on {@code convPath} (non-empty only when {@link
 *     Status#UNUSABLE})
 * @param millis the time the checks took
 * @param switchUnavailable why the path could not be switched, when it could not
 */
public record Verdict(
    Status status,
    String convPath,
    List<Mismatch> onednnMismatches,
    List<Mismatch> remaining,
    double millis,
    String switchUnavailable) {

  /** The guard's outcomes. */
  public enum Status {
    /** oneDNN's convolutions are right: nothing changed. */
    HEALTHY,
    /** oneDNN's were wrong; its off-block convolutions now run off it ({@link ConvRoute}), the rest stay on it. */
    ROUTED,
    /** oneDNN's were wrong, also through the route; libtorch's native kernels are right and now in use. */
    SWITCHED,
    /** A path was asked for ({@value EngineGuard#PATH_PROPERTY}{@code =native} or {@code =routed}). */
    FORCED,
    /** oneDNN is wrong but kept, as {@value EngineGuard#PATH_PROPERTY}{@code =onednn} asks. */
    KEPT_WRONG,
    /** No path was right: nothing may train. */
    UNUSABLE
  }

  public Verdict {
    onednnMismatches = List.copyOf(onednnMismatches);
    remaining = List.copyOf(remaining);
  }

  public boolean usable() {
    return status != Status.UNUSABLE;
  }

  /** One line for stderr, or for the error that stops the run. */
  public String line() {
    return switch (status) {
      case HEALTHY -> "engine: oneDNN convolutions checked right (" + ms() + ")";
      case SWITCHED -> "engine: oneDNN convolutions are wrong on this CPU (" + summary(onednnMismatches)
          + "); switched to libtorch's native convolution kernels, right on every checked shape;"
          + " convolution-heavy steps run about " + EngineGuard.EXPECTED_SLOWDOWN + " slower (fga doctor)";
      case ROUTED -> "engine: oneDNN convolutions are wrong on this CPU (" + summary(onednnMismatches)
          + "); convolutions with channel counts off its 16-wide block (and every strided 1x1) now run as"
          + " fga's own patch-matrix product and the rest stay on oneDNN, right on every checked shape;"
          + " networks with aligned channels keep their speed (fga doctor)";
      case FORCED -> "engine: convolutions " + ("routed".equals(convPath)
              ? "routed (off-block channel counts as a patch-matrix product, the rest on oneDNN)" : "on libtorch's native kernels")
          + ", as " + EngineGuard.PATH_PROPERTY + "=" + convPath + " asks; checked right (" + ms() + ")";
      case KEPT_WRONG -> "warning: engine: oneDNN convolutions are wrong on this CPU (" + summary(onednnMismatches)
          + ") and kept, as " + EngineGuard.PATH_PROPERTY + "=onednn asks: results may be wrong";
      case UNUSABLE -> "engine: convolutions are wrong on every path fga can use ("
          + summary(remaining.isEmpty() ? onednnMismatches : remaining)
          + ")" + (remaining.equals(onednnMismatches) ? "; oneDNN could not be turned off: " + switchUnavailable : "")
          + "; refusing to train; try ONEDNN_MAX_CPU_ISA=SSE41 set before fga starts (fga doctor)";
    };
  }

  /** The facts a {@code metrics.json} records. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
    m.put("convPath", convPath);
    m.put("onednnWrongShapes", onednnMismatches.stream().map(Mismatch::toString).distinct().toList());
    m.put("checkMillis", Math.round(millis * 10) / 10.0);
    return m;
  }

  private String ms() {
    return String.format(java.util.Locale.ROOT, "%.0f ms", millis);
  }

  private static String summary(List<Mismatch> mismatches) {
    if (mismatches.isEmpty()) {
      return "no path could be checked";
    }
    String first = mismatches.get(0).toString();
    long shapes = mismatches.stream().map(Mismatch::conv).distinct().count();
    return shapes == 1 ? first : first + ", and " + (shapes - 1) + " more shape" + (shapes > 2 ? "s" : "");
  }
}
