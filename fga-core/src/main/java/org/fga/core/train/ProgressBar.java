package org.fga.core.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * A one-line progress bar on stderr: epoch, step, loss terms, learning rate, images/s and ETA. On a
 * terminal it redraws in place; otherwise (CI logs, files) it prints a line at most every few
 * seconds so logs stay readable.
 */
public final class ProgressBar {
  private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final boolean interactive;
  private final long totalSteps;
  private final long startStep;
  private final long startNanos = System.nanoTime();
  private long lastPrint;
  private double smoothedRate = -1;
  private boolean quiet;
  private String label = "";

  public ProgressBar(PrintStream out, long totalSteps, long startStep) {
    this.out = out;
    this.interactive = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    this.totalSteps = totalSteps;
    this.startStep = startStep;
  }

  public ProgressBar quiet(boolean q) {
    this.quiet = q;
    return this;
  }

  /** A word before the bar, for a phase other than the main training (e.g. {@code probe}). */
  public ProgressBar label(String l) {
    this.label = l + " ";
    return this;
  }

  /** Reports progress after {@code step} (1-based count of steps done). */
  public void update(
      int epoch, int epochs, long step, Map<String, Float> terms, double lr, double imagesPerSec) {
    if (quiet) {
      return;
    }
    long now = System.nanoTime();
    smoothedRate = smoothedRate < 0 ? imagesPerSec : 0.9 * smoothedRate + 0.1 * imagesPerSec;
    boolean last = step == totalSteps;
    if (!interactive && !last && now - lastPrint < PLAIN_INTERVAL_NANOS) {
      return;
    }
    lastPrint = now;
    double elapsed = (now - startNanos) / 1e9;
    long done = step - startStep;
    double eta = done > 0 ? elapsed / done * (totalSteps - step) : 0;
    StringBuilder sb = new StringBuilder(label);
    int width = 20;
    int filled = (int) (width * step / Math.max(1, totalSteps));
    sb.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ");
    sb.append(String.format(Locale.ROOT, "epoch %d/%d step %d/%d", epoch + 1, epochs, step, totalSteps));
    for (Map.Entry<String, Float> t : terms.entrySet()) {
      sb.append(String.format(Locale.ROOT, " %s %.4f", t.getKey(), t.getValue()));
    }
    sb.append(String.format(Locale.ROOT, " lr %.2e %.0f img/s ETA %s", lr, smoothedRate, clock(eta)));
    if (interactive) {
      out.print("\r" + sb + "\u001b[K");
      if (last) {
        out.println();
      }
    } else {
      out.println(sb);
    }
    out.flush();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
