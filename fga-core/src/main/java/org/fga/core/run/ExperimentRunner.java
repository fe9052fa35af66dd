package org.fga.core.run;

import org.fga.core.rundir.RunDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.evaluate.EpochEvaluations;
import org.fga.core.evaluate.Evaluator;
import org.fga.core.naming.ConfigTypes;
import org.fga.core.plugin.Plugins;
import org.fga.core.probe.LinearProbe;
import org.fga.core.probe.ProbeResult;
import org.fga.core.spec.LinearProbeSpec;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Checkpoint;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;

/**
 * One experiment end to end: resolved spec → training (resuming from the run directory's newest
 * checkpoint) → evaluation → the linear probe if the spec asks for one → {@code metrics.json},
 * attention overlays and {@code report.html}.
 */
public final class ExperimentRunner {
  private final Plugins plugins;
  private final PrintStream progress;
  private final boolean quiet;

  public ExperimentRunner(Plugins plugins, PrintStream progress, boolean quiet) {
    this.plugins = plugins;
    this.progress = progress;
    this.quiet = quiet;
  }

  /** Starts a new run in {@code dir}; a directory that already holds a run is refused. */
  public ObjectNode start(ExperimentSpec spec, Path dir) {
    return start(spec, dir, Origin.NONE);
  }

  /** As {@link #start(ExperimentSpec, Path)}, recording where the spec came from. */
  public ObjectNode start(ExperimentSpec spec, Path dir, Origin origin) {
    RunDir run = new RunDir(dir);
    if (Files.exists(run.spec()) || Checkpoint.latest(run.checkpoints()) != null) {
      throw new FgaUserException(
          "run directory " + dir + " already holds a run; resume it with --resume " + dir
              + " or choose another name or --out");
    }
    spec.eval().requireSelectByScored(plugins.metrics());
    // the session is built first: a missing dataset, GPU or weights file stops the run before
    // anything is written, so the same command can simply be run again once it is fixed
    Session session = new Session(plugins, spec);
    try {
      run.create();
      RunDir.writeAtomically(run.spec(), new SpecReader(plugins).toYaml(spec));
      if (!origin.isNone()) { // kept beside the spec, so a resumed run still records it
        RunDir.writeAtomically(run.origin(), plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(origin));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      session.close();
      throw new IllegalStateException("cannot serialise " + origin, e);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return execute(spec, run, session);
  }

  /** Continues the run in {@code dir} from its newest checkpoint, with its resolved spec. */
  public ObjectNode resume(Path dir) {
    RunDir run = new RunDir(dir);
    if (!Files.isRegularFile(run.spec())) {
      throw new FgaUserException("cannot resume " + dir + ": no spec.resolved.yaml in it");
    }
    SpecReader reader = new SpecReader(plugins);
    ExperimentSpec spec = reader.read(run.spec());
    try {
      List<String> missing =
          SpecDrift.missingKeys(plugins.yaml().readTree(run.spec().toFile()), plugins.yaml().readTree(reader.toYaml(spec)));
      if (!missing.isEmpty()) {
        throw new FgaUserException(
            "cannot resume " + dir + ": its spec.resolved.yaml was written by an earlier fga and lacks "
                + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : "")
                + "; add them with the values the run was trained with, or start a new run");
      }
    } catch (java.io.IOException e) {
      throw new FgaUserException("cannot read " + run.spec() + ": " + e.getMessage());
    }
    // a run killed before its first checkpoint starts over, so it needs its starting weights
    Session session = Checkpoint.latest(run.checkpoints()) != null
        ? Session.restoring(plugins, spec)
        : new Session(plugins, spec);
    return execute(spec, run, session);
  }

  /** What {@link #runOrReuse} finds in a run directory. */
  public enum RunState {
    /** No run yet: it will be started. */
    NEW,
    /** A run of this spec that was interrupted: it will be resumed from its newest checkpoint. */
    UNFINISHED,
    /** A finished run of this spec: its {@code metrics.json} will be reused. */
    FINISHED
  }

  /**
   * What {@code dir} holds for {@code spec}; a run of another spec there is refused (one line
   * naming the first differing key), so callers that sweep many runs can check them all before
   * training any.
   */
  public RunState state(ExperimentSpec spec, Path dir) {
    RunDir run = new RunDir(dir);
    if (!Files.isRegularFile(run.spec())) {
      return RunState.NEW;
    }
    try {
      JsonNode stored = plugins.yaml().readTree(run.spec().toFile());
      JsonNode now = plugins.yaml().readTree(new SpecReader(plugins).toYaml(spec));
      String diff = SpecDrift.firstDifference(stored, now);
      if (diff != null) {
        throw new FgaUserException(
            dir + " holds a run of another experiment (" + diff + "); remove it or choose another --out");
      }
    } catch (java.io.IOException e) {
      throw new FgaUserException("cannot read the run in " + dir + ": " + e.getMessage());
    }
    return Files.isRegularFile(run.metrics()) ? RunState.FINISHED : RunState.UNFINISHED;
  }

  /**
   * The one way every command (train, grid, table, demo) runs an experiment: a finished run in
   * {@code dir} is reused and an interrupted one resumed, provided its resolved spec is this spec;
   * a run of another spec in {@code dir} is refused (see {@link #state}) rather than reused or
   * overwritten. Returns the run's {@code metrics.json}.
   */
  public ObjectNode runOrReuse(ExperimentSpec spec, Path dir) {
    return runOrReuse(spec, dir, Origin.NONE);
  }

  /** As {@link #runOrReuse(ExperimentSpec, Path)}; a new run records {@code origin}. */
  public ObjectNode runOrReuse(ExperimentSpec spec, Path dir, Origin origin) {
    RunDir run = new RunDir(dir);
    switch (state(spec, dir)) {
      case FINISHED:
        try {
          return (ObjectNode) plugins.json().readTree(run.metrics().toFile());
        } catch (java.io.IOException e) {
          throw new FgaUserException("cannot read " + run.metrics() + ": " + e.getMessage());
        }
      case UNFINISHED:
        return resume(dir);
      default:
        return start(spec, dir, origin);
    }
  }

  /** Trains and evaluates; closes the session. */
  private ObjectNode execute(ExperimentSpec spec, RunDir run, Session session) {
    try (session) {
      Evaluator evaluator = new Evaluator(session, spec.schedule().batchSize());
      EpochEvaluations perEpoch =
          spec.eval().scoresEveryEpoch() ? new EpochEvaluations(run.epochEvals(), plugins.json()) : null;
      Trainer.Builder trainer =
          Trainer.builder().setSession(session).setRunDir(run).optProgress(progress).optQuiet(quiet);
      if (perEpoch != null) {
        int epochs = spec.schedule().epochs();
        trainer.optEpochListener(done -> {
          if (done < epochs) { // the last epoch's is the final evaluation below, overlays and all
            Map<String, Object> m = evaluator.evaluate(spec.eval(), null);
            perEpoch.requireNumber(spec.eval().selectBy(), m);
            perEpoch.write(done, m);
          }
        });
      }
      Trainer.Result r = trainer.build().fit();
      Map<String, Object> metrics = evaluator.evaluate(spec.eval(), run);
      if (perEpoch != null) {
        perEpoch.write(spec.schedule().epochs(), metrics); // best() reads selectBy in every line, this one too
        metrics.put("bestEpoch", perEpoch.best(spec.eval().selectBy(), spec.schedule().epochs()));
      }
      if (spec.eval().linearProbe() != null) {
        metrics.put("linearProbe", probe(session, run, Checkpoint.latest(run.checkpoints())).toMap());
      }
      ObjectNode out = header(spec);
      if (Files.isRegularFile(run.origin())) {
        out.set("origin", plugins.json().readTree(run.origin().toFile()));
      }
      out.put("epochs", r.epochs());
      out.put("steps", r.steps());
      out.set("metrics", plugins.json().valueToTree(metrics));
      // what makes numbers differ between machines: same machine and kernels, same numbers
      out.set("engine", plugins.json().valueToTree(org.fga.engine.EngineFacts.collect()));
      if (spec.paper() != null) {
        out.set("paper", plugins.json().valueToTree(spec.paper()));
      }
      RunDir.writeAtomically(run.metrics(), plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
      RunReport.write(run, out);
      return out;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise metrics", e);
    } catch (java.io.IOException e) {
      throw new FgaUserException("cannot read " + run.origin() + ": " + e.getMessage());
    }
  }

  /** The identifying part of {@code metrics.json}. */
  private ObjectNode header(ExperimentSpec spec) {
    ObjectNode out = plugins.json().createObjectNode();
    out.put("name", spec.name());
    out.put("method", ConfigTypes.nameOf(spec.method()));
    out.put("backbone", spec.backbone().arch());
    out.put("dataset", ConfigTypes.nameOf(spec.data()));
    out.put("seed", spec.seed());
    return out;
  }

  private ProbeResult probe(Session session, RunDir run, Path checkpoint) {
    return LinearProbe.builder()
        .setSession(session)
        .setSpec(session.spec().eval().linearProbe())
        .setRunDir(run)
        .optSource(checkpoint.getFileName().toString())
        .optProgress(progress)
        .optQuiet(quiet)
        .build()
        .run();
  }

  /**
   * {@code fga probe}: trains the linear probe on the frozen features of a run's checkpoint (its
   * newest unless {@code checkpoint} is given) and records it as {@code metrics.linearProbe} in the
   * run's {@code metrics.json}. The probe's settings are the run's {@code eval.linearProbe}, or the
   * defaults if it has none, changed by {@code overrides} under {@code eval.linearProbe.} only (any
   * other key would no longer describe the checkpoint). Resumes a killed probe.
   */
  public ObjectNode probe(Path dir, Path checkpoint, List<String> overrides) {
    for (String o : overrides) {
      if (!o.startsWith("eval.linearProbe.") && !o.startsWith("eval.linearProbe=")) {
        throw new FgaUserException(
            "fga probe changes only eval.linearProbe.* (the checkpoint fixes the rest), got -o " + o);
      }
    }
    TrainedRun trained = TrainedRun.open(plugins, dir, checkpoint, overrides, "probe");
    RunDir run = trained.run();
    Path ckpt = trained.checkpoint();
    ExperimentSpec spec = trained.spec();
    if (spec.eval().linearProbe() == null) {
      spec = spec.withLinearProbe(LinearProbeSpec.defaults());
    }
    try (Session session = Session.restoring(plugins, spec)) {
      Checkpoint.loadWeights(ckpt, session);
      ProbeResult result = probe(session, run, ckpt);
      ObjectNode out = Files.isRegularFile(run.metrics())
          ? (ObjectNode) plugins.json().readTree(run.metrics().toFile())
          : header(spec);
      ObjectNode metrics = out.has("metrics") ? (ObjectNode) out.get("metrics") : out.putObject("metrics");
      metrics.set("linearProbe", plugins.json().valueToTree(result.toMap()));
      RunDir.writeAtomically(run.metrics(), plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
      return out;
    } catch (java.io.IOException e) {
      throw new FgaUserException("cannot read or write " + run.metrics() + ": " + e.getMessage());
    }
  }

  /**
   * {@code fga features}: writes the test features of a run's model to {@code request.out()}, as
   * {@link FeatureExport} describes: its newest checkpoint, the checkpoint asked for, or a whole
   * model from a weights file evaluated under the run's spec. Re-ID runs write query and gallery,
   * other runs the split asked for (else the spec's {@code eval.split}). Returns what was written
   * and, for re-ID, the {@code fga eval reid} command that scores it.
   */
  public ObjectNode features(Path dir, FeatureRequest request) {
    if (request.weights() != null && !Files.isRegularFile(request.weights())) {
      throw new FgaUserException("--weights " + request.weights() + " does not exist");
    }
    TrainedRun trained = request.weights() != null
        ? TrainedRun.openSpec(plugins, dir, "export features of")
        : TrainedRun.open(plugins, dir, request.checkpoint(), List.of(), "export features of");
    ExperimentSpec spec = trained.spec();
    try (Session session = Session.restoring(plugins, spec)) {
      Task task = session.train().info().task();
      boolean reid = task == Task.REID;
      List<Split> parts = FeatureExport.parts(task, request.split() != null ? request.split() : spec.eval().split());
      FeatureExport.requireFree(request.out(), parts, reid, request.withModel());
      if (request.weights() != null) {
        FeatureExport.loadWhole(session, request.weights());
      } else {
        Checkpoint.loadWeights(trained.checkpoint(), session);
      }
      Map<String, Object> written =
          new FeatureExport(session, request.out()).write(parts, spec.schedule().batchSize(), request.withModel());
      Path source = request.weights() != null ? request.weights() : trained.checkpoint();
      return FeatureExport.summary(plugins.json(), trained.run().root(), source, request.out(), written, reid);
    }
  }
}
