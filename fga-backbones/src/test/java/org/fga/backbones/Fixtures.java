package org.fga.backbones;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.fga.core.io.NdArray;
import org.fga.backbones.weights.WeightFiles;

/** The files made by {@code src/test/python/make_fixture.py}. */
final class Fixtures {
  private Fixtures() {}

  static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/torchvision/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing fixture " + name, e);
    }
  }

  static Map<String, NdArray> read(String name) {
    return WeightFiles.read(path(name));
  }

  /** max |actual - expected| / max |expected|: the relative error the acceptance bound is on. */
  static double relativeError(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    double maxDiff = 0;
    double maxRef = 0;
    for (int i = 0; i < actual.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs((double) actual[i] - expected[i]));
      maxRef = Math.max(maxRef, Math.abs(expected[i]));
    }
    return maxDiff / maxRef;
  }
}
