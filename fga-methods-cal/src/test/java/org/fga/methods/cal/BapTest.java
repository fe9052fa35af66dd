package org.fga.methods.cal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BapTest {
  private NDManager m;

  @BeforeEach
  void open() {
    m = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    m.close();
  }

  private static float[] random(Random r, int n, boolean signed) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = signed ? (float) r.nextGaussian() : r.nextFloat();
    }
    return v;
  }

  @Test
  void poolEqualsTheExplicitTripleSum() {
    int b = 2, c = 3, mm = 4, h = 3, w = 5;
    Random r = new Random(1);
    float[] f = random(r, b * c * h * w, true);
    float[] a = random(r, b * mm * h * w, false);
    float[] got = Bap.pool(m.create(f, new Shape(b, c, h, w)), m.create(a, new Shape(b, mm, h, w)))
        .toFloatArray();
    assertThat(got).hasSize(b * mm * c);
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < mm; k++) {
        for (int ch = 0; ch < c; ch++) {
          double s = 0;
          for (int p = 0; p < h * w; p++) {
            s += a[(i * mm + k) * h * w + p] * f[(i * c + ch) * h * w + p];
          }
          assertThat((double) got[(i * mm + k) * c + ch]).isCloseTo(s / (h * w), within(1e-5));
        }
      }
    }
  }

  @Test
  void signedSqrtKeepsTheSignAndAddsEpsilonInsideTheRoot() {
    float[] x = {-4f, 0f, 9f, 1e-6f};
    float[] got = Bap.signedSqrt(m.create(x)).toFloatArray();
    assertThat((double) got[0]).isCloseTo(-Math.sqrt(4 + 1e-6), within(1e-6));
    assertThat(got[1]).isEqualTo(0f); // sign(0) = 0
    assertThat((double) got[2]).isCloseTo(Math.sqrt(9 + 1e-6), within(1e-6));
    assertThat((double) got[3]).isCloseTo(Math.sqrt(2e-6), within(1e-7));
  }

  @Test
  void reidSignedSqrtUsesTheReidReferenceEpsilon() {
    // reid/modeling/baseline.py:10 EPSILON = 1e-12: sqrt(1e-8 + 1e-12), not sqrt(1e-8 + 1e-6)
    float[] got = Bap.signedSqrt(m.create(new float[] {1e-8f, -1e-4f}), Bap.REID_SQRT_EPS).toFloatArray();
    assertThat((double) got[0]).isCloseTo(Math.sqrt(1e-8 + 1e-12), within(1e-9));
    assertThat((double) got[1]).isCloseTo(-Math.sqrt(1e-4 + 1e-12), within(1e-8));
  }

  @Test
  void featureIsTheNormalisedSignedSqrtOfTheFlattenedPool() {
    int b = 3, c = 4, mm = 2, h = 2, w = 2;
    Random r = new Random(2);
    NDArray f = m.create(random(r, b * c * h * w, true), new Shape(b, c, h, w));
    NDArray a = m.create(random(r, b * mm * h * w, false), new Shape(b, mm, h, w));
    NDArray feat = Bap.feature(f, a);
    assertThat(feat.getShape()).isEqualTo(new Shape(b, (long) mm * c));
    float[] pooled = Bap.pool(f, a).toFloatArray();
    float[] got = feat.toFloatArray();
    for (int i = 0; i < b; i++) {
      double norm = 0;
      double[] s = new double[mm * c];
      for (int j = 0; j < mm * c; j++) {
        double x = pooled[i * mm * c + j];
        s[j] = Math.signum(x) * Math.sqrt(Math.abs(x) + 1e-6);
        norm += s[j] * s[j];
      }
      double n = Math.sqrt(norm);
      double gotNorm = 0;
      for (int j = 0; j < mm * c; j++) {
        assertThat((double) got[i * mm * c + j]).isCloseTo(s[j] / n, within(1e-5));
        gotNorm += got[i * mm * c + j] * got[i * mm * c + j];
      }
      assertThat(gotNorm).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void aZeroFeatureGivesZeroAndAFiniteGradient() {
    // all maps zero (ReLU switched every one off): BAP is 0, and its gradient must not be NaN
    NDArray f = m.randomNormal(new Shape(2, 3, 2, 2));
    NDArray a = m.zeros(new Shape(2, 4, 2, 2));
    a.setRequiresGradient(true);
    f.setRequiresGradient(true);
    try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
      NDArray feat = Bap.feature(f, a);
      assertThat(feat.toFloatArray()).containsOnly(0f);
      gc.backward(feat.mul(m.randomNormal(feat.getShape())).sum());
    }
    for (float g : a.getGradient().toFloatArray()) {
      assertThat(Float.isFinite(g)).isTrue();
    }
    for (float g : f.getGradient().toFloatArray()) {
      assertThat(Float.isFinite(g)).isTrue();
    }
  }
}
