package org.fga.core.run;

import java.util.List;
import org.fga.core.error.FgaUserException;

/**
 * The rule that a run's name shows what it is: a committed spec's name ({@code
 * cal_resnet101_cub}) stands for its model and data, so {@code -o} overrides that change either
 * must come with {@code -o name=...}. Otherwise a ResNet-18 at 96 px would sit in {@code
 * runs/cal_resnet101_cub/} and read as a failed reproduction.
 */
public final class RunName {
  private RunName() {}

  /**
   * Refuses {@code overrides} that change the model ({@code method}, {@code backbone}) or the data
   * ({@code data}, {@code pipeline}) of {@code specName} without a new {@code name}. Saying where
   * the files are ({@code data.root}, a path under {@code data}, {@code backbone.weights} other than
   * null, {@code data.skipCorrupt}) changes neither.
   */
  public static void requireRenamed(String specName, List<String> overrides) {
    if (overrides.stream().anyMatch(o -> o.startsWith("name="))) {
      return;
    }
    List<String> changing = overrides.stream().filter(RunName::changesModelOrData).toList();
    if (!changing.isEmpty()) {
      throw new FgaUserException("-o " + String.join(" -o ", changing) + " changes the model or data of "
          + specName + ", whose runs/" + specName + " stands for the committed experiment; add -o name=<new name>"
          + " (e.g. -o name=" + specName + "_small)");
    }
  }

  static boolean changesModelOrData(String override) {
    int eq = override.indexOf('=');
    String key = eq < 0 ? override : override.substring(0, eq).trim();
    String value = eq < 0 ? "" : override.substring(eq + 1).trim();
    if (key.equals("backbone.weights")) {
      return value.isEmpty() || value.equals("null") || value.equals("~"); // from scratch is another model
    }
    if (key.equals("data.root") || key.equals("data.skipCorrupt")) {
      return false;
    }
    if (key.startsWith("data.") && value.contains("/")) {
      return false; // another place of the same files (data.sbd, data.splits.val.metadata, ...)
    }
    return key.equals("method") || key.startsWith("method.") || key.equals("backbone") || key.startsWith("backbone.")
        || key.equals("data") || key.startsWith("data.") || key.equals("pipeline") || key.startsWith("pipeline.");
  }
}
