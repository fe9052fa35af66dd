package org.fga.bench.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fga.core.error.FgaUserException;

/**
 * The result file of a reference harness ({@code references/<method>/}): JSON lines, one per
 * finished run of the reference's own training code, read into a table's {@code results} cell.
 *
 * <p>A line holds at least {@code seed}, {@code harness} (the harness script, relative to the
 * repository root), {@code harnessSha256} (the script's SHA-256 when the run was made) and the
 * metrics as fractions, named as the last part of a column's metric path ({@code top1} for {@code
 * accuracy.top1}, case ignored) or by the whole path. A line belongs to a cell when it holds every
 * key/value of the cell's {@code match}; of several lines for one seed the last counts.
 *
 * <p>A line may also record {@code weightsSha256}, the SHA-256 of the backbone weights the run started
 * from; {@code fga table} warns when fga's runs in the same table loaded another file.
 *
 * <p>A line whose harness has changed since (another SHA-256, or no such file) is stale: the
 * reference row would show a number the current harness does not make, so it is refused, naming the
 * file, the seed and what to rerun.
 */
public final class ReferenceResults {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** First parts whose numbers share their names with the main ones (see {@link #number}). */
  private static final java.util.Set<String> SHADOWED = java.util.Set.of("linearProbe", "bestEpoch");

  private final Path file;
  private final Map<Long, JsonNode> bySeed;

  private ReferenceResults(Path file, Map<Long, JsonNode> bySeed) {
    this.file = file;
    this.bySeed = bySeed;
  }

  /**
   * Reads {@code file}'s lines that hold every value of {@code match}, checking each against its
   * harness.
   *
   * @param root what the lines' {@code harness} paths are relative to (the repository root)
   */
  public static ReferenceResults read(Path file, Map<String, Object> match, Path root) {
    if (!Files.isRegularFile(file)) {
      throw new FgaUserException(file + ": no reference results yet (the harness writes this file; see the README beside it)");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new FgaUserException("cannot read " + file + ": " + e.getMessage());
    }
    Map<Long, JsonNode> bySeed = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (text.isEmpty()) {
        continue;
      }
      JsonNode line;
      try {
        line = JSON.readTree(text);
      } catch (IOException e) {
        throw new FgaUserException(file + ", line " + (i + 1) + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
      }
      if (!matches(line, match)) {
        continue;
      }
      if (!line.path("seed").canConvertToLong()) {
        throw new FgaUserException(file + ", line " + (i + 1) + ": no integer 'seed'");
      }
      checkHarness(file, i + 1, line, root);
      bySeed.put(line.path("seed").asLong(), line);
    }
    return new ReferenceResults(file, bySeed);
  }

  private static boolean matches(JsonNode line, Map<String, Object> match) {
    for (Map.Entry<String, Object> e : match.entrySet()) {
      JsonNode v = line.get(e.getKey());
      if (v == null || !JSON.valueToTree(e.getValue()).equals(v) && !sameNumber(v, e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameNumber(JsonNode v, Object want) {
    return v.isNumber() && want instanceof Number n && v.asDouble() == n.doubleValue();
  }

  private static void checkHarness(Path file, int lineNo, JsonNode line, Path root) {
    String where = file + ", line " + lineNo + " (seed " + line.path("seed").asText() + ")";
    String harness = line.path("harness").asText(null);
    String recorded = line.path("harnessSha256").asText(null);
    if (harness == null || recorded == null) {
      throw new FgaUserException(where + ": stale: no 'harness'/'harnessSha256' (made by an older harness); rerun that seed");
    }
    Path script = root.resolve(harness);
    if (!Files.isRegularFile(script)) {
      throw new FgaUserException(where + ": its harness " + script + " does not exist (run fga table from the repository root)");
    }
    String now = sha256(script);
    if (!now.equals(recorded)) {
      throw new FgaUserException(where + ": stale: made by " + harness + " with SHA-256 " + recorded.substring(0, 12)
          + "..., the file now has " + now.substring(0, 12) + "...; rerun that seed with the current harness");
    }
  }

  static String sha256(Path p) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new FgaUserException("cannot read " + p + ": " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The metric per seed of {@code seeds} (NaN where no line has that seed), as the fraction the line
   * holds.
   *
   * @param metric a column's metric path; the line's key is the path or its last part
   */
  public double[] values(List<Long> seeds, String metric) {
    double[] out = new double[seeds.size()];
    for (int k = 0; k < out.length; k++) {
      JsonNode line = bySeed.get(seeds.get(k));
      out[k] = line == null ? Double.NaN : number(line, metric, seeds.get(k));
    }
    return out;
  }

  /** The line of {@code seed}, or null. */
  public JsonNode line(long seed) {
    return bySeed.get(seed);
  }

  /**
   * The {@code weightsSha256} of the lines for {@code seeds} (the backbone weights each reference
   * run started from); empty when the harness does not record it.
   */
  public Set<String> weightsSha256(List<Long> seeds) {
    Set<String> out = new TreeSet<>();
    for (Long seed : seeds) {
      JsonNode line = bySeed.get(seed);
      if (line != null && line.hasNonNull("weightsSha256")) {
        out.add(line.get("weightsSha256").asText());
      }
    }
    return out;
  }

  /**
   * The line's number for a column: the key that is the whole path (or the column's {@code
   * resultsKey}), else, for a two-part path such as {@code accuracy.top1}, the key named like its
   * last part (case ignored). A longer path ({@code bestEpoch.accuracy.top1}, {@code reid.cmc.0})
   * and a number of a second phase ({@code linearProbe.top1}) are never read by their last part:
   * the line's key of that name is another number (the last epoch's top-1, retrieval's top-1), and
   * reading it would say nothing.
   */
  private double number(JsonNode line, String metric, long seed) {
    JsonNode v = line.get(metric);
    String[] parts = metric.split("\\.");
    boolean byLastPart = parts.length == 2 && !SHADOWED.contains(parts[0]);
    if (v == null && byLastPart) {
      String last = parts[1].toLowerCase(Locale.ROOT);
      for (Iterator<String> it = line.fieldNames(); v == null && it.hasNext(); ) {
        String k = it.next();
        if (k.toLowerCase(Locale.ROOT).equals(last)) {
          v = line.get(k);
        }
      }
    }
    if (v == null || !v.isNumber()) {
      throw new FgaUserException(file + " (seed " + seed + "): no number '" + (byLastPart ? parts[1] : metric)
          + "' for metric " + metric + (byLastPart ? "" : "; name the line's key with the column's resultsKey"));
    }
    return v.asDouble();
  }
}
