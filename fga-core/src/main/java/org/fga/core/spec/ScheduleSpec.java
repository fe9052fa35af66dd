package org.fga.core.spec;

import org.fga.core.error.InvalidOptionException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code schedule:} block: optimiser, learning-rate schedule and loop lengths.
 *
 * @param epochs passes over the training split
 * @param batchSize images per step
 * @param optimizer {@code sgd}, {@code adam}, {@code adamw} or {@code lars} (BYOL's; momentum is
 *     {@code momentum}, BatchNorm parameters and biases excluded from adaptation and decay)
 * @param lr base learning rate (of the new layers)
 * @param momentum SGD momentum
 * @param nesterov SGD with Nesterov momentum
 * @param weightDecay L2 penalty (SGD, Adam) or decoupled decay (AdamW)
 * @param decayNormAndBias also decay BatchNorm parameters and biases (off by default)
 * @param betas Adam betas
 * @param eps Adam epsilon
 * @param lrSchedule {@code constant}, {@code step}, {@code multistep}, {@code cosine}, {@code poly}
 *     or {@code exponential}
 * @param stepEpochs step: decay every this many epochs; exponential: lr·gamma^(epoch/stepEpochs),
 *     evaluated per iteration with fractional epochs
 * @param milestones multistep: epochs at which the rate is multiplied by gamma
 * @param gamma decay factor of step, multistep and exponential
 * @param power exponent of poly
 * @param minLr floor of cosine
 * @param warmupEpochs linear warm-up length (fractional epochs allowed)
 * @param warmupFactor the warm-up starts at lr·warmupFactor
 * @param backboneLrMult the backbone's rate is lr times this
 * @param clipGradNorm clip the global gradient L2 norm to this, or null for no clipping
 * @param logEvery write a {@code train.jsonl} line every this many steps
 * @param instancesPerIdentity K of P×K identity batches (re-ID, triplet losses): each batch holds
 *     batchSize / K identities with K images each; null for plain shuffled batches
 * @param shuffle {@code false}: every epoch takes the training split in the dataset's order
 *     (default: a seeded shuffle per epoch). For diagnostics: with a deterministic training
 *     pipeline and the starting draws of another code base's run ({@code init.weights}), a run
 *     is then that run's replica up to floating-point order, so a difference left is the code's
 * @param lrUpdate {@code iteration} (default): the rate follows the fractional epoch every step;
 *     {@code epoch}: it is set once at the start of each epoch from the whole epoch, as a scheduler
 *     stepped once per epoch sets it (BoT and CAL's re-ID code: with {@code warmupEpochs: 1}
 *     epoch 0 runs wholly at lr·warmupFactor)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleSpec(
    Integer epochs,
    Integer batchSize,
    String optimizer,
    Double lr,
    Double momentum,
    Boolean nesterov,
    Double weightDecay,
    Boolean decayNormAndBias,
    List<Double> betas,
    Double eps,
    String lrSchedule,
    Double stepEpochs,
    List<Double> milestones,
    Double gamma,
    Double power,
    Double minLr,
    Double warmupEpochs,
    Double warmupFactor,
    Double backboneLrMult,
    Double clipGradNorm,
    Integer logEvery,
    Integer instancesPerIdentity,
    Boolean shuffle,
    String lrUpdate) {

  public ScheduleSpec {
    shuffle = Boolean.FALSE.equals(shuffle) ? false : null; // absent when shuffled: older resolved specs stay equal
    if (shuffle != null && instancesPerIdentity != null) {
      throw new InvalidOptionException("shuffle", "false cannot apply with instancesPerIdentity, whose P x K sampler draws every batch");
    }
    lrUpdate = "iteration".equals(lrUpdate) ? null : lrUpdate; // absent by default: older resolved specs stay equal
    check(lrUpdate == null || lrUpdate.equals("epoch"),
        "schedule.lrUpdate '" + lrUpdate + "' unknown; known: iteration, epoch");
    epochs = epochs == null ? 10 : epochs;
    batchSize = batchSize == null ? 32 : batchSize;
    optimizer = optimizer == null ? "sgd" : optimizer;
    lr = lr == null ? 0.01 : lr;
    momentum = momentum == null ? 0.9 : momentum;
    nesterov = nesterov != null && nesterov;
    weightDecay = weightDecay == null ? 1e-4 : weightDecay;
    decayNormAndBias = decayNormAndBias != null && decayNormAndBias;
    betas = betas == null ? List.of(0.9, 0.999) : List.copyOf(betas);
    eps = eps == null ? 1e-8 : eps;
    lrSchedule = lrSchedule == null ? "cosine" : lrSchedule;
    stepEpochs = stepEpochs == null ? 30.0 : stepEpochs;
    milestones = milestones == null ? List.of() : List.copyOf(milestones);
    gamma = gamma == null ? 0.1 : gamma;
    power = power == null ? 0.9 : power;
    minLr = minLr == null ? 0.0 : minLr;
    warmupEpochs = warmupEpochs == null ? 0.0 : warmupEpochs;
    warmupFactor = warmupFactor == null ? 0.01 : warmupFactor;
    backboneLrMult = backboneLrMult == null ? 1.0 : backboneLrMult;
    logEvery = logEvery == null ? 10 : logEvery;
    check(epochs > 0, "schedule.epochs must be positive, got " + epochs);
    check(batchSize > 0, "schedule.batchSize must be positive, got " + batchSize);
    check(lr > 0, "schedule.lr must be positive, got " + lr);
    check(List.of("sgd", "adam", "adamw", "lars").contains(optimizer),
        "schedule.optimizer '" + optimizer + "' unknown; known: sgd, adam, adamw, lars");
    check(List.of("constant", "step", "multistep", "cosine", "poly", "exponential").contains(lrSchedule),
        "schedule.lrSchedule '" + lrSchedule
            + "' unknown; known: constant, step, multistep, cosine, poly, exponential");
    check(betas.size() == 2, "schedule.betas needs two values, got " + betas);
    check(clipGradNorm == null || clipGradNorm > 0, "schedule.clipGradNorm must be positive");
    check(logEvery > 0, "schedule.logEvery must be positive");
    check(instancesPerIdentity == null || (instancesPerIdentity > 0 && batchSize % instancesPerIdentity == 0),
        "schedule.instancesPerIdentity must divide batchSize " + batchSize + ", got " + instancesPerIdentity);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public static ScheduleSpec defaults() {
    return builder().build();
  }

  public ScheduleSpec withEpochs(int e) {
    return toBuilder().optEpochs(e).build();
  }

  /** A builder with nothing set: every key takes its default unless an {@code opt} method sets it. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this schedule's values, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.epochs = epochs;
    b.batchSize = batchSize;
    b.optimizer = optimizer;
    b.lr = lr;
    b.momentum = momentum;
    b.nesterov = nesterov;
    b.weightDecay = weightDecay;
    b.decayNormAndBias = decayNormAndBias;
    b.betas = betas;
    b.eps = eps;
    b.lrSchedule = lrSchedule;
    b.stepEpochs = stepEpochs;
    b.milestones = milestones;
    b.gamma = gamma;
    b.power = power;
    b.minLr = minLr;
    b.warmupEpochs = warmupEpochs;
    b.warmupFactor = warmupFactor;
    b.backboneLrMult = backboneLrMult;
    b.clipGradNorm = clipGradNorm;
    b.logEvery = logEvery;
    b.instancesPerIdentity = instancesPerIdentity;
    b.shuffle = shuffle;
    b.lrUpdate = lrUpdate;
    return b;
  }

  /** Whether the rate is set once per epoch (from the epoch's start) rather than every step. */
  public boolean lrPerEpoch() {
    return lrUpdate != null;
  }

  /** Whether each epoch shuffles the training split. */
  public boolean shuffles() {
    return shuffle == null;
  }
  /**
   * Builds a schedule in code (specs in files go through Jackson): each {@code opt} method sets one
   * key, as in the {@code schedule:} block; keys left alone take the defaults above.
   */
  public static final class Builder {
    private Integer epochs;
    private Integer batchSize;
    private String optimizer;
    private Double lr;
    private Double momentum;
    private Boolean nesterov;
    private Double weightDecay;
    private Boolean decayNormAndBias;
    private List<Double> betas;
    private Double eps;
    private String lrSchedule;
    private Double stepEpochs;
    private List<Double> milestones;
    private Double gamma;
    private Double power;
    private Double minLr;
    private Double warmupEpochs;
    private Double warmupFactor;
    private Double backboneLrMult;
    private Double clipGradNorm;
    private Integer logEvery;
    private Integer instancesPerIdentity;
    private Boolean shuffle;
    private String lrUpdate;

    private Builder() {}

    public Builder optEpochs(Integer epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder optBatchSize(Integer batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder optOptimizer(String optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    public Builder optLr(Double lr) {
      this.lr = lr;
      return this;
    }

    public Builder optMomentum(Double momentum) {
      this.momentum = momentum;
      return this;
    }

    public Builder optNesterov(Boolean nesterov) {
      this.nesterov = nesterov;
      return this;
    }

    public Builder optWeightDecay(Double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    public Builder optDecayNormAndBias(Boolean decayNormAndBias) {
      this.decayNormAndBias = decayNormAndBias;
      return this;
    }

    public Builder optBetas(List<Double> betas) {
      this.betas = betas;
      return this;
    }

    public Builder optEps(Double eps) {
      this.eps = eps;
      return this;
    }

    public Builder optLrSchedule(String lrSchedule) {
      this.lrSchedule = lrSchedule;
      return this;
    }

    public Builder optStepEpochs(Double stepEpochs) {
      this.stepEpochs = stepEpochs;
      return this;
    }

    public Builder optMilestones(List<Double> milestones) {
      this.milestones = milestones;
      return this;
    }

    public Builder optGamma(Double gamma) {
      this.gamma = gamma;
      return this;
    }

    public Builder optPower(Double power) {
      this.power = power;
      return this;
    }

    public Builder optMinLr(Double minLr) {
      this.minLr = minLr;
      return this;
    }

    public Builder optWarmupEpochs(Double warmupEpochs) {
      this.warmupEpochs = warmupEpochs;
      return this;
    }

    public Builder optWarmupFactor(Double warmupFactor) {
      this.warmupFactor = warmupFactor;
      return this;
    }

    public Builder optBackboneLrMult(Double backboneLrMult) {
      this.backboneLrMult = backboneLrMult;
      return this;
    }

    public Builder optClipGradNorm(Double clipGradNorm) {
      this.clipGradNorm = clipGradNorm;
      return this;
    }

    public Builder optLogEvery(Integer logEvery) {
      this.logEvery = logEvery;
      return this;
    }

    public Builder optInstancesPerIdentity(Integer instancesPerIdentity) {
      this.instancesPerIdentity = instancesPerIdentity;
      return this;
    }

    public Builder optShuffle(Boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    public Builder optLrUpdate(String lrUpdate) {
      this.lrUpdate = lrUpdate;
      return this;
    }

    public ScheduleSpec build() {
      return new ScheduleSpec(epochs, batchSize, optimizer, lr, momentum, nesterov, weightDecay, decayNormAndBias,
          betas, eps, lrSchedule, stepEpochs, milestones, gamma, power, minLr, warmupEpochs, warmupFactor,
          backboneLrMult, clipGradNorm, logEvery, instancesPerIdentity, shuffle, lrUpdate);
    }
  }
}
