package org.fga.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.fga.core.io.Mappers;

/**
 * MapResize against {@code cv2.resize(cam.astype(float64), size, interpolation=INTER_CUBIC)} as
 * wsolevaluation's inference.py calls it; expected values written by fga-eval's
 * src/test/python/make_wsol_golden.py with Debian's OpenCV.
 */
class MapResizeTest {
  @Test
  void equalsOpenCvsCubicResizeOfFloat64Cams() throws IOException {
    JsonNode cases;
    try (InputStream in = MapResizeTest.class.getResourceAsStream("/evaluate/cv2_resize_cubic.json")) {
      cases = Mappers.json().readTree(in);
    }
    assertThat(cases.size()).isGreaterThan(0);
    for (JsonNode c : cases) {
      int h = c.get("height").asInt();
      int w = c.get("width").asInt();
      int oh = c.get("outHeight").asInt();
      int ow = c.get("outWidth").asInt();
      float[] cam = new float[h * w];
      for (int i = 0; i < cam.length; i++) {
        cam[i] = (float) c.get("cam").get(i).asDouble();
      }
      double[] got = MapResize.cubic(cam, h, w, oh, ow);
      double worst = 0;
      for (int i = 0; i < got.length; i++) {
        worst = Math.max(worst, Math.abs(got[i] - c.get("resized").get(i).asDouble()));
      }
      assertThat(worst).as("%dx%d -> %dx%d", h, w, oh, ow).isEqualTo(0.0);
    }
  }

  @Test
  void theSameSizeIsACopy() {
    float[] m = {1, 2, 3, 4};
    assertThat(MapResize.bicubic(m, 2, 2, 2, 2)).containsExactly(1, 2, 3, 4);
  }
}
