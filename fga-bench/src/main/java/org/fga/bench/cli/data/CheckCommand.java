package org.fga.bench.cli.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.provider.DatasetProvider;
import org.fga.datasets.CheckableDataset;
import org.fga.datasets.DatasetCheck;
import org.fga.datasets.DiskDatasetProvider;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.fga.core.io.Mappers;

/**
 * {@code fga data check --dataset cub --root DIR}: parses every annotation file, compares split
 * sizes with the official release, counts part locations (keypoints, CUB), decodes every image and
 * lists the files that are missing or unreadable. Exit 0 when every file is readable, 2 otherwise.
 * {@code --root} may be left out for a dataset with a default folder ({@code fashion-mnist}).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a downloaded dataset: split counts against the official numbers,",
      "part locations counted (CUB), missing or unreadable files listed.",
      "JSON report on stdout, summary on stderr; exit 2 if files are bad."
    })
public final class CheckCommand implements Callable<Integer> {
  @Option(
      names = "--dataset",
      required = true,
      description = "Registered dataset name, e.g. cub, voc, market1501.")
  String dataset;

  @Option(
      names = "--root",
      description = "The dataset's folder as unpacked (fashion-mnist: its package's folder by default).")
  String root;

  @Option(
      names = {"-o", "--option"},
      paramLabel = "KEY=VALUE",
      description =
          "Another key of the dataset's data: block, e.g. -o task=segmentation -o"
              + " trainSet=train_aug.")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(
      names = "--no-decode",
      description = "Only check that image files exist (fast), do not decode them.")
  boolean noDecode;

  @Option(
      names = "--max-listed",
      defaultValue = "20",
      description = "Problems listed per split on stderr (default ${DEFAULT-VALUE}).")
  int maxListed;

  @Override
  public Integer call() throws Exception {
    Plugins plugins = Plugins.load();
    DatasetProvider p = plugins.datasets().get(dataset);
    if (!(p instanceof CheckableDataset disk)) {
      List<String> disks = new ArrayList<>();
      for (DatasetProvider d : plugins.datasets().all()) {
        if (d instanceof CheckableDataset) {
          disks.add(d.name());
        }
      }
      throw new FgaUserException(
          "dataset '"
              + dataset
              + "' is not read from disk; checkable: "
              + String.join(", ", disks));
    }
    DataConfig cfg;
    try {
      cfg = options.isEmpty() ? disk.configFor(root) : configWith(plugins, disk);
    } catch (IllegalArgumentException e) {
      // a reader without a default folder refuses a missing root in its config record
      throw new FgaUserException(root == null ? "--root is required for " + dataset + " (" + e.getMessage() + ")" : e.getMessage());
    }
    DatasetCheck.Report r =
        DatasetCheck.run(
            disk,
            cfg,
            !noDecode,
            (done, total) -> System.err.printf("\rfga: checked %d/%d images", done, total));
    System.err.println();
    System.err.printf(
        "%-8s %9s %9s %17s  %s%n", "split", "images", "official", "parts (visible)", "problems");
    for (DatasetCheck.SplitReport s : r.splits()) {
      System.err.printf(
          "%-8s %9d %9s %17s  %d%s%n",
          s.split().name().toLowerCase(java.util.Locale.ROOT),
          s.images(),
          s.official() == null ? "-" : s.official().toString(),
          s.keypoints() == 0 ? "-" : s.keypoints() + " (" + s.visibleKeypoints() + ")",
          s.problems().size(),
          s.countMatches() ? "" : "  (count differs from the official release)");
      s.problems().stream().limit(maxListed).forEach(m -> System.err.println("    " + m));
      if (s.problems().size() > maxListed) {
        System.err.println(
            "    ... and " + (s.problems().size() - maxListed) + " more (all in the JSON report)");
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dataset", r.dataset());
    json.put("root", r.root());
    json.put("classes", r.classes());
    json.put("filesOk", r.filesOk());
    json.put("countsMatchOfficial", r.countsMatch());
    List<Map<String, Object>> splits = new ArrayList<>();
    for (DatasetCheck.SplitReport s : r.splits()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("split", s.split().name().toLowerCase(java.util.Locale.ROOT));
      m.put("images", s.images());
      m.put("official", s.official());
      m.put("keypoints", s.keypoints());
      m.put("visibleKeypoints", s.visibleKeypoints());
      m.put("problems", s.problems());
      splits.add(m);
    }
    json.put("splits", splits);
    System.out.println(
        Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    return r.filesOk() ? 0 : 2;
  }

  /** The data: block {type, root, options...} read as an experiment file's would be. */
  private DataConfig configWith(Plugins plugins, CheckableDataset disk) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", disk.name());
    if (root != null) {
      block.put("root", root);
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      try {
        // YAML scalars, so that 448 is a number and true a boolean, as in an experiment file
        block.put(e.getKey(), plugins.yaml().readValue(e.getValue(), Object.class));
      } catch (java.io.IOException ex) {
        throw new FgaUserException(
            "option " + e.getKey() + ": cannot read value '" + e.getValue() + "'");
      }
    }
    try {
      return plugins.json().convertValue(block, DataConfig.class);
    } catch (IllegalArgumentException ex) {
      Throwable c = ex;
      while (c.getCause() != null) {
        c = c.getCause();
      }
      throw new FgaUserException("data options " + options + ": " + c.getMessage().split("\n")[0]);
    }
  }
}
