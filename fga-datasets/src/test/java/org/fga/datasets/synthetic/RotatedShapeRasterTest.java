package org.fga.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * {@code Clutter} and {@code CoarseObject} rasterise their shapes through one routine; the pixels,
 * labels and random draws must be exactly what each painted before it was shared (the demo's runs
 * and every committed synthetic result depend on them). The digests were taken from the code
 * before the routine was shared: canvases of 64 and 37 pixels (odd, so shapes cross the border),
 * many shapes each, and the generator's next draw, which shows that no draw was added or lost.
 */
class RotatedShapeRasterTest {
  @Test
  void clutterPaintsTheSamePixelsAsBefore() {
    assertThat(digest(64, 3, true)).isEqualTo(GOLDEN_CLUTTER_64);
    assertThat(digest(37, 11, true)).isEqualTo(GOLDEN_CLUTTER_37);
  }

  @Test
  void coarseObjectsPaintTheSamePixelsAndLabelsAsBefore() {
    assertThat(digest(64, 5, false)).isEqualTo(GOLDEN_COARSE_64);
    assertThat(digest(37, 13, false)).isEqualTo(GOLDEN_COARSE_37);
  }

  @Test
  void aShapeIsRasterisedInItsRotatedFrameAndClippedToTheCanvas() {
    // a unit disc of radius 4 at (2, 2): the pixel centres within 4 of it, none outside the canvas
    Canvas canvas = new Canvas(10);
    RotatedShape.raster(canvas.size, 2f, 2f, 4f, 0.7f, 1.2f, (p, u, v) -> {
      if (u * u + v * v <= 1f) {
        canvas.object[p] = 1;
      }
    });
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        float dx = x + 0.5f - 2f;
        float dy = y + 0.5f - 2f;
        boolean inside = dx * dx + dy * dy <= 16f;
        assertThat(canvas.object[y * 10 + x]).as("(%d, %d)", x, y).isEqualTo((byte) (inside ? 1 : 0));
      }
    }
  }

  /** SHA-256 of the colours, both label planes and the next draw after painting many shapes. */
  private static String digest(int size, long seed, boolean clutter) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      Rng rng = new Rng(seed);
      for (int round = 0; round < 8; round++) {
        Canvas canvas = new Canvas(size);
        if (clutter) {
          Clutter.paint(canvas, 12, rng);
        } else {
          CoarseObject.paint(canvas, (round * 9 + (int) seed) % CoarseObject.MAX_CLASSES, rng);
        }
        ByteBuffer b = ByteBuffer.allocate(4 * canvas.rgb.length);
        b.asFloatBuffer().put(canvas.rgb);
        md.update(b.array());
        md.update(canvas.object);
        md.update(canvas.part);
      }
      md.update(ByteBuffer.allocate(8).putLong(rng.nextLong()).array());
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String GOLDEN_CLUTTER_64 = "1c6615a0433d2ee2e5ddd8b6683ceaea40ca1fddfa41189c4ab03d19c23c2642";
  private static final String GOLDEN_CLUTTER_37 = "f64cdb8f0bebbd783793caa4d39cd9946e57903cc2cbbc400a9f7af4395e7cdc";
  private static final String GOLDEN_COARSE_64 = "c144748adec7263ac1051742c3222e1a3a485502c6ac4b8e5465721108e64527";
  private static final String GOLDEN_COARSE_37 = "f6e85b12f9b5d9082b42fcd044e8ba1edb8b9661da7e39734bd4d2df98ed2dab";
}
