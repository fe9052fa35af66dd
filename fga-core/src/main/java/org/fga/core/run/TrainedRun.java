package org.fga.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Checkpoint;

/**
 * A run directory opened to be read rather than trained: its resolved spec and the checkpoint whose
 * weights stand for it. The commands that read a trained model ({@code fga probe}, {@code fga
 * features}) find it here, so they refuse a wrong directory with the same words.
 *
 * @param run the run directory
 * @param spec its {@code spec.resolved.yaml}, with the overrides applied
 * @param checkpoint the checkpoint asked for, or the run's newest; null when opened for the spec alone
 */
record TrainedRun(RunDir run, ExperimentSpec spec, Path checkpoint) {

  /**
   * Opens {@code dir}; {@code verb} names the command in the errors ("cannot probe DIR: ...").
   *
   * @param checkpoint a checkpoint file, or null for the run's newest
   */
  static TrainedRun open(Plugins plugins, Path dir, Path checkpoint, List<String> overrides, String verb) {
    RunDir run = requireSpec(dir, verb);
    Path ckpt = checkpoint != null ? checkpoint : Checkpoint.latest(run.checkpoints());
    if (ckpt == null || !Files.isRegularFile(ckpt)) {
      throw new FgaUserException(
          checkpoint != null
              ? "no checkpoint file " + checkpoint
              : "cannot " + verb + " " + dir + ": it has no checkpoint yet (train it first: fga train --resume " + dir + ")");
    }
    return new TrainedRun(run, new SpecReader(plugins).read(run.spec(), overrides), ckpt);
  }

  /** Opens {@code dir} for its spec alone (the weights come from elsewhere): no checkpoint needed. */
  static TrainedRun openSpec(Plugins plugins, Path dir, String verb) {
    RunDir run = requireSpec(dir, verb);
    return new TrainedRun(run, new SpecReader(plugins).read(run.spec(), List.of()), null);
  }

  private static RunDir requireSpec(Path dir, String verb) {
    RunDir run = new RunDir(dir);
    if (!Files.isRegularFile(run.spec())) {
      throw new FgaUserException("cannot " + verb + " " + dir + ": no spec.resolved.yaml in it (not a run directory)");
    }
    return run;
  }
}
