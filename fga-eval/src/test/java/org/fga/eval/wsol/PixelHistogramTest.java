package org.fga.eval.wsol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fga.core.data.Mask;
import org.fga.core.error.FgaUserException;
import org.fga.eval.Fixtures;
import org.fga.eval.io.MaskArrays;
import org.fga.core.io.NdArray;
import org.junit.jupiter.api.Test;

class PixelHistogramTest {
  private static Mask row(int... v) {
    Mask m = Mask.zeros(1, v.length);
    for (int i = 0; i < v.length; i++) {
      m.set(0, i, v[i]);
    }
    return m;
  }

  @Test
  void handComputedPxap() {
    // edges 0, 0.5 and 1; positives at 0.5 and 1.0, negatives at 0.0 and 0.75.
    // from the top: e=1 (TP 1, FP 0): P 1, R .5; e=.5 (TP 2, FP 1): P 2/3, R 1; e=0: R unchanged.
    PixelHistogram h = new PixelHistogram(new ThresholdGrid(0.5)).add(new double[] {0, 0.5, 1, 0.75}, row(0, 1, 1, 0), null, 0);
    assertThat(h.pxap()).isCloseTo(0.5 + 0.5 * 2.0 / 3, within(1e-15));
    // ignoring the 0.75 negative (255 in the mask, or a separate ignore mask) removes the FP
    PixelHistogram ig = new PixelHistogram(new ThresholdGrid(0.5)).add(new double[] {0, 0.5, 1, 0.75}, row(0, 1, 1, 255), null, 0);
    assertThat(ig.pxap()).isEqualTo(1.0);
    PixelHistogram ig2 = new PixelHistogram(new ThresholdGrid(0.5))
        .add(new double[] {0, 0.5, 1, 0.75}, row(0, 1, 1, 0), row(0, 0, 0, 1), 0);
    assertThat(ig2.pxap()).isEqualTo(1.0);
  }

  @Test
  void emptyAndAllIgnoredMasks() {
    PixelHistogram h = new PixelHistogram(new ThresholdGrid(0.1));
    h.add(new double[] {0, 1}, row(0, 0), null, 0); // empty mask: negatives only
    assertThat(h.pxap()).isNaN();
    assertThatThrownBy(h::toMap).isInstanceOf(FgaUserException.class).hasMessageContaining("no positive");
    h.add(new double[] {0, 1}, row(255, 255), null, 1); // all ignored: adds nothing
    assertThat(h.positives() + h.negatives()).isEqualTo(2);
    h.add(new double[] {0, 1}, row(0, 1), null, 2);
    assertThat(h.pxap()).isCloseTo(0.5, within(1e-15)); // the positive ties with the earlier negative at 1
  }

  @Test
  void agreesWithWsolevaluationStyleHistograms() {
    NdArray maps = Fixtures.npy("pxap_maps");
    List<Mask> masks = MaskArrays.of(Fixtures.npy("pxap_masks"));
    List<Mask> ignore = MaskArrays.of(Fixtures.npy("pxap_ignore"));
    JsonNode exp = Fixtures.json("pxap_expected");
    for (String step : new String[] {"0.01", "0.001"}) {
      ThresholdGrid g = new ThresholdGrid(Double.parseDouble(step));
      assertThat(PixelHistogram.of(g, ScoreMaps.of(maps), masks, null).pxap())
          .isCloseTo(exp.get(step).asDouble(), within(1e-9));
      assertThat(PixelHistogram.of(g, ScoreMaps.of(maps), masks, ignore).pxap())
          .isCloseTo(exp.get(step + "_ignore").asDouble(), within(1e-9));
    }
  }
}
