package org.fga.core.data.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Random;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.transform.Interpolation;
import org.fga.core.data.transform.Resize;
import org.junit.jupiter.api.Test;
import org.fga.core.io.Mappers;

/**
 * {@code resize} against PIL's own {@code Image.resize} on the same pixels (fixture made by
 * src/test/python/make_pil_resize_fixture.py). PIL rounds to 8 bits after each of its two passes;
 * we keep floats, so values may differ by one or two levels, never more.
 */
class ResizeInterpolationTest {
  @Test
  void everyFilterMatchesPilUpAndDown() throws Exception {
    JsonNode fixture;
    try (InputStream in = getClass().getResourceAsStream("/pil/pil_resize.json")) {
      fixture = Mappers.json().readTree(in);
    }
    JsonNode src = fixture.get("input");
    int h = src.size();
    int w = src.get(0).size();
    float[] data = new float[3 * h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          data[(c * h + y) * w + x] = src.get(y).get(x).get(c).asInt() / 255f;
        }
      }
    }
    Sample sample = Sample.classification("pil", new FloatImage(3, h, w, data), 0);
    for (JsonNode k : fixture.get("cases")) {
      Interpolation filter = Interpolation.of(k.get("filter").asText());
      int oh = k.get("height").asInt();
      int ow = k.get("width").asInt();
      FloatImage got =
          Resize.to(oh, ow).withInterpolation(filter).apply(sample, new Random(0)).image();
      double worst = 0;
      for (int y = 0; y < oh; y++) {
        for (int x = 0; x < ow; x++) {
          for (int c = 0; c < 3; c++) {
            double expected = k.get("output").get(y).get(x).get(c).asInt();
            worst = Math.max(worst, Math.abs(got.get(c, y, x) * 255 - expected));
          }
        }
      }
      double tolerance = filter == Interpolation.NEAREST ? 1e-3 : 2.0;
      assertThat(worst).as("%s to %dx%d, largest difference in 8-bit levels", filter, oh, ow)
          .isLessThanOrEqualTo(tolerance);
    }
  }
}
