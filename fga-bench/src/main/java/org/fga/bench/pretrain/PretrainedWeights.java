package org.fga.bench.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.backbones.weights.WeightExporter;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Checkpoint;
import org.fga.core.train.Session;

/**
 * Resolves {@code backbone.weights: pretrain:<spec file>} to the backbone that spec's run exported,
 * training it first if no run has. The pretraining run lives in {@code <cache>/<its name>/} (by
 * default {@code runs/pretrain/}) like any run; its backbone goes to {@code backbone.safetensors}
 * beside it, in torchvision names, so it is also an ordinary weights file for {@code fga train} or
 * PyTorch. A cached run of another spec under the same name is refused, as every sweep refuses it.
 */
public final class PretrainedWeights {
  /** The prefix that marks a weights value as a pretraining spec. */
  public static final String PREFIX = "pretrain:";

  /** The exported backbone's file name inside the pretraining run. */
  public static final String FILE = "backbone.safetensors";

  private final Plugins plugins;
  private final Path root;
  private final Path cache;
  private final PrintStream log;
  private final boolean quiet;

  /** Pretraining spec paths are read relative to the working directory, the cache under it. */
  public PretrainedWeights(Plugins plugins, PrintStream log, boolean quiet) {
    this(plugins, Path.of(""), Path.of("runs", "pretrain"), log, quiet);
  }

  /**
   * @param root what {@code pretrain:} paths are relative to (the repository root in practice)
   * @param cache where pretraining runs and their exported backbones live
   */
  public PretrainedWeights(Plugins plugins, Path root, Path cache, PrintStream log, boolean quiet) {
    this.plugins = plugins;
    this.root = root;
    this.cache = cache;
    this.log = log;
    this.quiet = quiet;
  }

  /** Whether {@code spec}'s backbone weights name a pretraining spec. */
  public static boolean isPretrained(ExperimentSpec spec) {
    String w = spec.backbone().weights();
    return w != null && w.startsWith(PREFIX);
  }

  /** The pretraining spec {@code spec} names, read and checked (no training). */
  public ExperimentSpec pretrainingSpec(ExperimentSpec spec) {
    Path file = root.resolve(spec.backbone().weights().substring(PREFIX.length()));
    if (!Files.isRegularFile(file)) {
      throw new FgaUserException(
          spec.name() + ": backbone.weights names the pretraining spec " + file
              + ", which does not exist (paths are relative to the working directory: run from the repository root)");
    }
    ExperimentSpec pre = new SpecReader(plugins).read(file);
    if (isPretrained(pre)) {
      throw new FgaUserException(file + ": a pretraining spec cannot itself start from " + PREFIX + " weights");
    }
    if (!pre.backbone().arch().equals(spec.backbone().arch())
        || !java.util.Objects.equals(pre.backbone().width(), spec.backbone().width())) {
      throw new FgaUserException(
          spec.name() + ": backbone " + spec.backbone().arch() + " width " + spec.backbone().width()
              + " cannot start from " + file + ", which pretrains " + pre.backbone().arch() + " width "
              + pre.backbone().width());
    }
    return pre;
  }

  /** Where the backbone of {@code spec}'s pretraining is (or will be) cached. */
  public Path cachedFile(ExperimentSpec spec) {
    return cache.resolve(pretrainingSpec(spec).name()).resolve(FILE);
  }

  /**
   * {@code spec} with its {@code pretrain:} weights replaced by the cached backbone's path, which
   * may not exist yet (nothing is trained): the spec a finished run of it was stored with.
   */
  public ExperimentSpec cachedSpec(ExperimentSpec spec) {
    return isPretrained(spec) ? spec.withBackbone(spec.backbone().withWeights(cachedFile(spec).toString())) : spec;
  }

  /**
   * {@code spec} with its {@code pretrain:} weights replaced by the cached backbone file, trained
   * and exported first if absent; any other spec unchanged.
   */
  public ExperimentSpec resolve(ExperimentSpec spec) {
    if (!isPretrained(spec)) {
      return spec;
    }
    ExperimentSpec pre = pretrainingSpec(spec);
    Path dir = cache.resolve(pre.name());
    Path file = dir.resolve(FILE);
    // always through runOrReuse: a finished run is only compared with today's spec, so an edited
    // pretraining spec is refused instead of silently serving the old backbone
    if (!Files.isRegularFile(file) || !Files.isRegularFile(new RunDir(dir).metrics())) {
      log.println("pretrain: " + pre.name() + " (first use; cached in " + dir + ")");
    }
    new ExperimentRunner(plugins, log, quiet).runOrReuse(pre, dir);
    if (!Files.isRegularFile(file)) {
      export(pre, dir, file);
    }
    return spec.withBackbone(spec.backbone().withWeights(file.toString()));
  }

  /** Loads the finished run's last checkpoint into a fresh model and writes its backbone. */
  private void export(ExperimentSpec pre, Path dir, Path file) {
    Path last = Checkpoint.latest(new RunDir(dir).checkpoints());
    if (last == null) {
      throw new FgaUserException("pretraining run " + dir + " finished but has no checkpoint to export");
    }
    try (Session session = new Session(plugins, pre);
        NDManager tmp = session.manager().newSubManager()) {
      Checkpoint.Contents c = Checkpoint.read(last, tmp);
      Map<String, NDArray> params = new LinkedHashMap<>();
      for (Pair<String, Parameter> p : session.method().block().getParameters()) {
        params.put(p.getKey(), p.getValue().getArray());
      }
      Checkpoint.copyInto("parameters", c.parameters(), params);
      Path part = file.resolveSibling(FILE + ".part");
      WeightExporter.save(session.backbone().block(), part);
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      log.println("pretrain: exported the backbone to " + file);
    } catch (IOException e) {
      throw new FgaUserException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
