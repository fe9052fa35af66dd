package org.fga.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.fga.backbones.weights.WeightFiles;
import org.fga.core.io.NdArray;

/** The tensors a fixture generator wrote (safetensors / npz), read from the test's resources. */
public final class ReferenceTensors {
  private ReferenceTensors() {}

  /** Every tensor of the resource {@code path} next to {@code anchor}'s classes, by name. */
  public static Map<String, NdArray> read(Class<?> anchor, String path) {
    URL url = anchor.getResource(path);
    if (url == null) {
      throw new IllegalStateException("missing test fixture " + path);
    }
    try {
      return WeightFiles.read(Path.of(url.toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tensor as a float32 array of its shape. */
  public static NDArray array(NDManager m, NdArray t) {
    return m.create(t.toFloats(), new Shape(t.longShape()));
  }

  /** Same shape, and every element within {@code tolerance} of the reference (absolute). */
  public static void assertClose(String what, NDArray actual, NdArray expected, double tolerance) {
    assertThat(actual.getShape().getShape()).as(what + " shape").isEqualTo(expected.longShape());
    assertClose(what, actual.toType(DataType.FLOAT32, false).toFloatArray(), expected.toFloats(), tolerance);
  }

  /** Every element within {@code tolerance} of the reference, the worst difference reported. */
  public static void assertClose(String what, float[] actual, float[] expected, double tolerance) {
    assertThat(actual.length).as(what + " size").isEqualTo(expected.length);
    double worst = 0;
    for (int i = 0; i < actual.length; i++) {
      worst = Math.max(worst, Math.abs((double) actual[i] - expected[i]));
    }
    assertThat(worst).as(what + " max |ours − reference|").isLessThanOrEqualTo(tolerance);
  }
}
