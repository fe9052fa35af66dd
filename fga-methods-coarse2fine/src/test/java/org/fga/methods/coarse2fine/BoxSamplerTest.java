package org.fga.methods.coarse2fine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.fga.core.io.Mappers;

/**
 * {@link BoxSampler} against PyTorch's {@code grid_sample(bilinear, zeros, align_corners=False)}
 * on the box grid (fixture written by {@code src/test/python/make_grid_sample_fixture.py}): the
 * output and the gradients of {@code Σ out·weight} with respect to the image and the box.
 */
class BoxSamplerTest {
  private static JsonNode fixture() throws IOException {
    try (InputStream in = BoxSamplerTest.class.getResourceAsStream("/coarse2fine/grid_sample.json")) {
      return Mappers.json().readTree(in);
    }
  }

  private static float[] floats(JsonNode a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).asDouble();
    }
    return out;
  }

  private static void assertClose(float[] got, float[] want, String what) {
    assertThat(got).as(what).hasSameSizeAs(want);
    for (int i = 0; i < want.length; i++) {
      assertThat((double) got[i]).as("%s[%d]", what, i).isCloseTo(want[i], within(1e-4));
    }
  }

  @Test
  void equalsGridSampleWithItsGradients() throws IOException {
    JsonNode f = fixture();
    assertThat(f.get("alignCorners").asBoolean()).isFalse();
    JsonNode s = f.get("imageShape");
    Shape shape = new Shape(s.get(0).asLong(), s.get(1).asLong(), s.get(2).asLong(), s.get(3).asLong());
    int outH = f.get("outSize").get(0).asInt();
    int outW = f.get("outSize").get(1).asInt();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray image = m.create(floats(f.get("image")), shape);
      NDArray box = m.create(floats(f.get("box")), new Shape(shape.get(0), 4));
      NDArray weight = m.create(floats(f.get("weight")), new Shape(shape.get(0), shape.get(1), outH, outW));
      image.setRequiresGradient(true);
      box.setRequiresGradient(true);
      NDArray out;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        out = BoxSampler.sample(image, box, outH, outW);
        gc.backward(out.mul(weight).sum());
      }
      assertThat(out.getShape()).isEqualTo(new Shape(shape.get(0), shape.get(1), outH, outW));
      assertClose(out.toFloatArray(), floats(f.get("output")), "output");
      assertClose(image.getGradient().toFloatArray(), floats(f.get("gradImage")), "d/dimage");
      assertClose(box.getGradient().toFloatArray(), floats(f.get("gradBox")), "d/dbox");
    }
  }

  @Test
  void theWholeImageAtItsOwnSizeIsTheIdentity() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray image = m.randomUniform(0, 1, new Shape(2, 3, 6, 9));
      NDArray box = m.create(new float[] {0, 0, 1, 1, 0, 0, 1, 1}, new Shape(2, 4));
      NDArray out = BoxSampler.sample(image, box, 6, 9);
      assertThat(out.sub(image).abs().max().getFloat()).isLessThan(1e-6f);
    }
  }
}
