package org.fga.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Split;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.testing.TestPlugins;
import org.fga.core.train.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overlays are drawn from what evaluation collected: overlay i shows test image i on the left
 * and that image's own attention map, blended on it, on the right.
 */
class OverlayWriterTest {
  static final Plugins PLUGINS = TestPlugins.load();

  @Test
  void overlayIShowsImageIAndItsOwnMap(@TempDir Path dir) throws Exception {
    ExperimentSpec spec = new SpecReader(PLUGINS).parse("""
        name: overlays
        method: {type: baseline}
        backbone: {arch: tiny}
        data: {type: squares, size: 32}
        schedule: {epochs: 1, batchSize: 4}
        eval: {metrics: [], overlays: 3}
        seed: 3
        """, false, "overlays.yaml");
    try (Session s = new Session(PLUGINS, spec)) {
      // batches of 2: the three overlays span two batches
      new Evaluator(s, 2).evaluate(spec.eval(), new RunDir(dir));
      EvalOutputs collected = new Evaluator(s, 2).collect(Split.TEST, new EvalNeeds(false, false, true, false), null);
      FgaDataset test = s.open(Split.TEST);
      for (int i = 0; i < 3; i++) {
        BufferedImage png = ImageIO.read(dir.resolve(String.format("attention/%04d.png", i)).toFile());
        FloatImage image = test.get(i).image();
        float[][] map = collected.maps()[i];
        assertThat(png.getWidth()).isEqualTo(2 * image.width());
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] row : map) {
          for (float v : row) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
        float range = hi > lo ? hi - lo : 1;
        for (int y = 0; y < image.height(); y++) {
          for (int x = 0; x < image.width(); x++) {
            int r = byteOf(image, 0, y, x);
            int g = byteOf(image, 1, y, x);
            int b = byteOf(image, 2, y, x);
            int jet = Overlay.jet((map[y][x] - lo) / range);
            int blended = ((int) (0.5 * r + 0.5 * ((jet >> 16) & 0xFF)) << 16)
                | ((int) (0.5 * g + 0.5 * ((jet >> 8) & 0xFF)) << 8) | (int) (0.5 * b + 0.5 * (jet & 0xFF));
            if (!onABox(png, x, y)) {
              assertThat(png.getRGB(x, y) & 0xFFFFFF).as("image %d at (%d, %d)", i, x, y).isEqualTo((r << 16) | (g << 8) | b);
              assertThat(png.getRGB(image.width() + x, y) & 0xFFFFFF).as("map %d at (%d, %d)", i, x, y).isEqualTo(blended);
            }
          }
        }
      }
      assertThat(dir.resolve("attention/0003.png")).doesNotExist();
    }
  }

  private static int byteOf(FloatImage img, int c, int y, int x) {
    return Math.max(0, Math.min(255, Math.round(img.get(c, y, x) * 255)));
  }

  /** Box outlines (green, red, blue) are drawn over both halves; skip those pixels. */
  private static boolean onABox(BufferedImage png, int x, int y) {
    int w = png.getWidth() / 2;
    for (int px : new int[] {png.getRGB(x, y), png.getRGB(w + x, y)}) {
      int rgb = px & 0xFFFFFF;
      if (rgb == 0x00FF00 || rgb == 0xFF0000 || rgb == 0x0000FF) {
        return true;
      }
    }
    return false;
  }
}
