package org.fga.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ScheduleSpec;
import org.junit.jupiter.api.Test;

class LrScheduleTest {
  private static ScheduleSpec parse(String yaml) throws Exception {
    return Plugins.of(java.util.List.of()).yaml().readValue(yaml, ScheduleSpec.class);
  }

  @Test
  void cosineWithWarmup() throws Exception {
    LrSchedule s = new LrSchedule(parse("{epochs: 10, lr: 0.1, lrSchedule: cosine, warmupEpochs: 2, warmupFactor: 0.0}"));
    assertThat(s.lr(0)).isZero();
    assertThat(s.lr(1)).isCloseTo(0.05, within(1e-12));
    assertThat(s.lr(2)).isCloseTo(0.1, within(1e-12));
    assertThat(s.lr(6)).isCloseTo(0.05, within(1e-12));
    assertThat(s.lr(10)).isCloseTo(0, within(1e-12));
  }

  @Test
  void stepMultistepPolyAndCalsExponentialDecay() throws Exception {
    assertThat(new LrSchedule(parse("{lr: 1, lrSchedule: step, stepEpochs: 3, gamma: 0.5}")).lr(6.5))
        .isCloseTo(0.25, within(1e-12));
    assertThat(new LrSchedule(parse("{lr: 1, lrSchedule: multistep, milestones: [40, 80, 120]}")).lr(80))
        .isCloseTo(0.01, within(1e-12));
    assertThat(new LrSchedule(parse("{epochs: 10, lr: 1, lrSchedule: poly, power: 2}")).lr(5))
        .isCloseTo(0.25, within(1e-12));
    // CAL: lr·0.9^(epoch/2), evaluated per iteration
    assertThat(new LrSchedule(parse("{lr: 0.001, lrSchedule: exponential, gamma: 0.9, stepEpochs: 2}")).lr(3))
        .isCloseTo(0.001 * Math.pow(0.9, 1.5), within(1e-15));
  }

  @Test
  void perEpochUpdatesHoldTheEpochStartsRateAsBoTsWarmupMultiStepLrDoes() throws Exception {
    // BoT's WarmupMultiStepLR stepped per epoch, warm-up 3 epochs from 0.01, x0.1 at 10:
    // epoch e < 3 runs wholly at lr·(0.01 + 0.99·e/3); epoch 10 starts the decayed rate
    LrSchedule s = new LrSchedule(parse(
        "{lr: 1, lrSchedule: multistep, milestones: [10], warmupEpochs: 3, warmupFactor: 0.01, lrUpdate: epoch}"));
    assertThat(s.lr(0.0)).isCloseTo(0.01, within(1e-12));
    assertThat(s.lr(0.99)).isCloseTo(0.01, within(1e-12));
    assertThat(s.lr(1.5)).isCloseTo(0.01 + 0.99 / 3, within(1e-12));
    assertThat(s.lr(2.999)).isCloseTo(0.01 + 0.99 * 2 / 3, within(1e-12));
    assertThat(s.lr(9.999)).isCloseTo(1, within(1e-12));
    assertThat(s.lr(10.0)).isCloseTo(0.1, within(1e-12));
    LrSchedule perStep = new LrSchedule(parse(
        "{lr: 1, lrSchedule: multistep, milestones: [10], warmupEpochs: 3, warmupFactor: 0.01}"));
    assertThat(perStep.lr(1.5)).isCloseTo(0.01 + 0.99 / 2, within(1e-12));
  }

  @Test
  void anUnknownLrUpdateIsRefusedWithTheKnownOnes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("{lrUpdate: step}"))
        .hasMessageContaining("schedule.lrUpdate 'step' unknown; known: iteration, epoch");
  }
}
