package org.fga.backbones.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.fga.backbones.TorchBackbone;
import org.fga.core.io.NdArray;
import org.fga.backbones.weights.WeightFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bit-identical to torchvision's PIL pipeline, on images saved by make_fixture.py. */
class EvalPreprocessTest {
  private static final EvalPreprocess TF =
      new EvalPreprocess(72, 64, TorchBackbone.IMAGENET_MEAN, TorchBackbone.IMAGENET_STD);

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(EvalPreprocessTest.class.getResource("/torchvision/" + name).toURI());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"photo_83x61", "tall_72x100", "small_50x40", "gray_70x90", "rgba_90x80"})
  void matchesTorchvisionBitForBit(String name) throws Exception {
    Map<String, NdArray> expected = WeightFiles.read(fixture("preprocess_expected.npz"));
    float[] ours = TF.apply(ImageFiles.read(fixture(name + ".png")));
    float[] theirs = expected.get(name).toFloats();
    assertThat(expected.get(name).shape()).containsExactly(3, 64, 64);
    assertThat(ours).containsExactly(theirs);
  }

  @Test
  void anImageAlreadyAtTheTargetSizeIsNotResampled() throws Exception {
    RgbImage tall = ImageFiles.read(fixture("tall_72x100.png"));
    assertThat(TF.resize(tall)).isSameAs(tall);
    RgbImage photo = ImageFiles.read(fixture("photo_83x61.png"));
    RgbImage resized = TF.resize(photo);
    assertThat(resized.height()).isEqualTo(72);
    assertThat(resized.width()).isEqualTo((int) (72.0 * 83 / 61));
  }
}
