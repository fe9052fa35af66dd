package org.fga.core.spec;

import org.fga.core.error.InvalidOptionException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.fga.core.data.pipeline.PipelineSpec;

/**
 * The {@code eval.linearProbe:} block: a linear classifier trained on frozen features ({@code
 * Method.features}) after the main phase, as self-supervised papers evaluate representations.
 * Defaults are those of LCR's and MoCo's {@code main_lincls.py}: SGD lr 30, momentum 0.9, no weight
 * decay, batch 256, 100 epochs, the rate ×0.1 at epochs 60 and 80.
 *
 * @param epochs passes over the training split
 * @param batchSize images per step
 * @param lr learning rate (not scaled by the batch size)
 * @param momentum SGD momentum
 * @param weightDecay L2 penalty on the weight and the bias
 * @param lrSchedule {@code multistep} (default: ×gamma at each milestone, per epoch) or {@code
 *     cosine} (per iteration to 0, as LCR's BYOL evaluation linear_cub_eval.py)
 * @param milestones multistep: epochs at which the rate is multiplied by gamma
 * @param gamma multistep: the factor
 * @param pipeline the probe's own training and test pipelines; missing: the dataset's default
 *     pipeline (not the experiment's, which for self-supervised methods is the two-view
 *     augmentation), written out in full in the resolved spec
 * @param report {@code last} (default): the test accuracy after the last epoch; {@code best}: the
 *     best epoch's test accuracy, as main_lincls.py's {@code best_acc1} (chosen on the test set, so
 *     optimistic; both are always in the result)
 * @param dropLast score the test split's full batches only, in the dataset's order (default
 *     false: every image), as a reference whose test loader drops its last partial batch
 *     (LCR's linear_cub_eval.py: 960 of 1,000 images at batch 64); with
 *     {@code data.order: imageFolder} the same images are left out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinearProbeSpec(
    Integer epochs,
    Integer batchSize,
    Double lr,
    Double momentum,
    Double weightDecay,
    String lrSchedule,
    List<Double> milestones,
    Double gamma,
    PipelineSpec pipeline,
    String report,
    Boolean dropLast) {

  public LinearProbeSpec {
    epochs = epochs == null ? 100 : epochs;
    batchSize = batchSize == null ? 256 : batchSize;
    lr = lr == null ? 30.0 : lr;
    momentum = momentum == null ? 0.9 : momentum;
    weightDecay = weightDecay == null ? 0.0 : weightDecay;
    lrSchedule = lrSchedule == null ? "multistep" : lrSchedule;
    milestones = milestones == null ? List.of(60.0, 80.0) : List.copyOf(milestones);
    gamma = gamma == null ? 0.1 : gamma;
    report = report == null ? "last" : report;
    dropLast = Boolean.TRUE.equals(dropLast) ? true : null; // absent when off: older runs' resolved specs stay as they were
    if (epochs <= 0) {
      throw new InvalidOptionException("epochs", "must be positive, got " + epochs);
    }
    if (batchSize <= 0) {
      throw new InvalidOptionException("batchSize", "must be positive, got " + batchSize);
    }
    if (!(lr > 0)) {
      throw new InvalidOptionException("lr", "must be positive, got " + InvalidOptionException.show(lr));
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new InvalidOptionException("momentum", "must be in [0, 1), got " + InvalidOptionException.show(momentum));
    }
    if (!(weightDecay >= 0)) {
      throw new InvalidOptionException("weightDecay", "must be at least 0, got " + InvalidOptionException.show(weightDecay));
    }
    if (!List.of("multistep", "cosine").contains(lrSchedule)) {
      throw new InvalidOptionException("lrSchedule", "must be multistep or cosine, got '" + lrSchedule + "'");
    }
    if (!List.of("last", "best").contains(report)) {
      throw new InvalidOptionException("report", "must be last or best, got '" + report + "'");
    }
    if (!(gamma > 0)) {
      throw new InvalidOptionException("gamma", "must be positive, got " + InvalidOptionException.show(gamma));
    }
  }

  public static LinearProbeSpec defaults() {
    return new LinearProbeSpec(null, null, null, null, null, null, null, null, null, null, null);
  }

  public LinearProbeSpec withPipeline(PipelineSpec p) {
    return new LinearProbeSpec(epochs, batchSize, lr, momentum, weightDecay, lrSchedule, milestones, gamma, p, report, dropLast);
  }

  /** Whether only the test split's full batches are scored. */
  public boolean scoresFullBatchesOnly() {
    return Boolean.TRUE.equals(dropLast);
  }

  /** The probe's optimiser and rate as a training schedule, so that {@code LrSchedule} drives it. */
  public ScheduleSpec asSchedule() {
    return ScheduleSpec.builder().optEpochs(epochs).optBatchSize(batchSize).optOptimizer("sgd").optLr(lr)
        .optMomentum(momentum).optNesterov(false).optWeightDecay(weightDecay).optDecayNormAndBias(true)
        .optLrSchedule(lrSchedule).optMilestones(milestones).optGamma(gamma).optMinLr(0.0).optWarmupEpochs(0.0)
        .optBackboneLrMult(1.0).build();
  }
}
