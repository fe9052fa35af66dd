package org.fga.core.spec;

import org.fga.core.error.InvalidOptionException;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.pipeline.PipelineSpec;
import org.fga.core.naming.ConfigTypes;
import org.fga.core.method.MethodConfig;

/**
 * One experiment file.
 *
 * @param name the run's name; the run directory is {@code runs/<name>}
 * @param method the method and its settings ({@code type} selects the plugin)
 * @param backbone the backbone
 * @param data the dataset ({@code type} selects the plugin)
 * @param pipeline the training and test data pipelines; missing: the dataset's default, written
 *     out in full in the resolved spec
 * @param schedule optimiser and schedule
 * @param eval what to measure after training
 * @param seed seeds weights, data order and every random draw
 * @param device {@code cpu} (default), {@code gpu} (the first CUDA device), {@code gpu:N}, or
 *     {@code gpu:N,M,...} to train data-parallel over several GPUs
 * @param paper the published number this run reproduces, if any
 * @param init starting values for some parameters, read after the seeded initialisation and the
 *     pretrained backbone (null: none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentSpec(
    String name,
    MethodConfig method,
    BackboneSpec backbone,
    DataConfig data,
    PipelineSpec pipeline,
    ScheduleSpec schedule,
    EvalSpec eval,
    Long seed,
    String device,
    PaperRef paper,
    InitSpec init) {

  public ExperimentSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("'name' is required");
    }
    if (!name.matches("[A-Za-z0-9._+-]+")) {
      throw new IllegalArgumentException(
          "'name' may hold letters, digits and . _ + - only, got '" + name + "'");
    }
    if (method == null) {
      throw new IllegalArgumentException("'method' is required");
    }
    if (backbone == null) {
      throw new IllegalArgumentException("'backbone' is required");
    }
    if (data == null) {
      throw new IllegalArgumentException("'data' is required");
    }
    pipeline = pipeline == null ? data.defaultPipeline() : pipeline;
    try {
      pipeline.checkedFor(data.nativeSize(), ConfigTypes.nameOf(data));
    } catch (InvalidOptionException e) {
      throw new InvalidOptionException("pipeline." + e.key(), e.problem());
    }
    schedule = schedule == null ? ScheduleSpec.defaults() : schedule;
    eval = eval == null ? EvalSpec.defaults() : eval;
    if (eval.linearProbe() != null) {
      eval = eval.withLinearProbe(probeWithPipeline(eval.linearProbe(), data));
    }
    seed = seed == null ? 0L : seed;
    device = device == null ? "cpu" : device;
    if (!device.matches("cpu|gpu|gpu:\\d+(,\\d+)*")) {
      throw new InvalidOptionException(
          "device", "must be cpu, gpu, gpu:N or gpu:N,M,... (data-parallel), got '" + device + "'");
    }
  }

  /** The probe with its pipeline written out: the dataset's default when the file gives none. */
  private static LinearProbeSpec probeWithPipeline(LinearProbeSpec probe, DataConfig data) {
    PipelineSpec p = probe.pipeline() == null ? data.defaultPipeline() : probe.pipeline();
    try {
      p.checkedFor(data.nativeSize(), ConfigTypes.nameOf(data));
    } catch (InvalidOptionException e) {
      throw new InvalidOptionException("eval.linearProbe.pipeline." + e.key(), e.problem());
    }
    return probe.withPipeline(p);
  }

  /** This spec with a linear probe ({@code fga probe} on a run trained without one). */
  public ExperimentSpec withLinearProbe(LinearProbeSpec probe) {
    return withEval(eval.withLinearProbe(probe));
  }

  public ExperimentSpec withName(String n) {
    return new ExperimentSpec(n, method, backbone, data, pipeline, schedule, eval, seed, device, paper, init);
  }

  /**
   * This experiment with {@code seed}, named {@code <name>-s<seed>}: how train {@code --seed},
   * grids and tables name the runs of one spec over several seeds.
   */
  public ExperimentSpec forSeed(long s) {
    return withSeed(s).withName(seededName(name, s));
  }

  /** {@code <base>-s<seed>}, the run name of one seed of a sweep. */
  public static String seededName(String base, long seed) {
    return base + "-s" + seed;
  }

  public ExperimentSpec withSeed(long s) {
    return new ExperimentSpec(name, method, backbone, data, pipeline, schedule, eval, s, device, paper, init);
  }

  public ExperimentSpec withSchedule(ScheduleSpec s) {
    return new ExperimentSpec(name, method, backbone, data, pipeline, s, eval, seed, device, paper, init);
  }

  public ExperimentSpec withEval(EvalSpec e) {
    return new ExperimentSpec(name, method, backbone, data, pipeline, schedule, e, seed, device, paper, init);
  }

  public ExperimentSpec withDevice(String d) {
    return new ExperimentSpec(name, method, backbone, data, pipeline, schedule, eval, seed, d, paper, init);
  }

  public ExperimentSpec withPipeline(PipelineSpec p) {
    return new ExperimentSpec(name, method, backbone, data, p, schedule, eval, seed, device, paper, init);
  }

  public ExperimentSpec withBackbone(BackboneSpec b) {
    return new ExperimentSpec(name, method, b, data, pipeline, schedule, eval, seed, device, paper, init);
  }

  public ExperimentSpec withMethod(MethodConfig m) {
    return new ExperimentSpec(name, m, backbone, data, pipeline, schedule, eval, seed, device, paper, init);
  }
}
