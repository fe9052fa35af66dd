package org.fga.methods.cal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class LossesTest {
  @Test
  void centresMoveByBetaTowardsTheMeanOfTheirFeatures() {
    try (NDManager m = NDManager.newBaseManager();
        FeatureCentres centres = new FeatureCentres(3, 2, 0.05, false, FeatureCentres.MEAN)) {
      centres.centres().set(new float[] {1, 1, 0, 0, 2, 2});
      NDArray f = m.create(new float[] {3, 1, 5, 1, 0, 4}, new Shape(3, 2));
      NDArray y = m.create(new long[] {0, 0, 2});
      NDArray batch = centres.of(y);
      assertThat(batch.toFloatArray()).containsExactly(1, 1, 1, 1, 2, 2);
      // Σ‖f − c‖² / B = (4 + 16 + 4 + 4) / 3
      assertThat((double) FeatureCentres.loss(f, batch).getFloat()).isCloseTo(28.0 / 3, within(1e-5));
      centres.update(f, y, batch);
      // class 0: mean(f − c) = ((2, 0) + (4, 0)) / 2 = (3, 0) → c = (1.15, 1); class 1 unseen;
      // class 2: (−2, 2) → (1.9, 2.1)
      assertThat(centres.centres().toFloatArray())
          .containsExactly(new float[] {1.15f, 1f, 0f, 0f, 1.9f, 2.1f}, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  @Test
  void normalisedCentresFollowTheReferenceRule() {
    try (NDManager m = NDManager.newBaseManager();
        FeatureCentres centres = new FeatureCentres(1, 2, 0.5, true, FeatureCentres.LAST)) {
      centres.centres().set(new float[] {3, 4});
      NDArray y = m.create(new long[] {0});
      NDArray batch = centres.of(y);
      assertThat(batch.toFloatArray()).containsExactly(new float[] {0.6f, 0.8f}, org.assertj.core.data.Offset.offset(1e-6f));
      centres.update(m.create(new float[] {1, 0}, new Shape(1, 2)), y, batch);
      // c += 0.5·(f − c/‖c‖) = (3, 4) + 0.5·(0.4, −0.8)
      assertThat(centres.centres().toFloatArray()).containsExactly(new float[] {3.2f, 3.6f}, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  @Test
  void batchHardTripletPicksTheFarthestPositiveAndNearestNegative() {
    try (NDManager m = NDManager.newBaseManager()) {
      // 1-D points: id 0 at 0 and 1, id 1 at 3 and 7
      NDArray x = m.create(new float[] {0, 1, 3, 7}, new Shape(4, 1));
      NDArray y = m.create(new long[] {0, 0, 1, 1});
      // anchors: 0: dap 1, dan 3 → max(0, 1 − 3 + 0.3) = 0; 1: dap 1, dan 2 → 0;
      // 2: dap 4, dan 2 → 2.3; 3: dap 4, dan 6 → 0
      assertThat((double) TripletLoss.batchHard(x, y, 0.3).getFloat()).isCloseTo(2.3 / 4, within(1e-4));
      // margin 3: 1, 2, 5, 1
      assertThat((double) TripletLoss.batchHard(x, y, 3).getFloat()).isCloseTo(9.0 / 4, within(1e-4));
    }
  }

  @Test
  void anchorsWithoutNegativesAreLeftOut() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {0, 1}, new Shape(2, 1));
      NDArray y = m.create(new long[] {5, 5});
      assertThat(TripletLoss.batchHard(x, y, 0.3).getFloat()).isZero();
    }
  }
}
