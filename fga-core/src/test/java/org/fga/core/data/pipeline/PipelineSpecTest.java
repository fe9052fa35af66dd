package org.fga.core.data.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.fga.core.data.Box;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.junit.jupiter.api.Test;

/**
 * The {@code pipeline:} block: parsing, sizes, errors that name the key. The readers' default
 * pipelines and the refusal of a pipeline that leaves their images at mixed sizes are tested with
 * the readers ({@code fga-datasets}' {@code ReaderPipelinesTest}).
 */
class PipelineSpecTest {
  static final Plugins PLUGINS = org.fga.core.testing.TestPlugins.load();
  static final SpecReader READER = new SpecReader(PLUGINS);

  static String spec(String data, String pipeline) {
    return """
        name: p
        method: {type: baseline}
        backbone: {arch: tinynet}
        data: %s
        %s
        """.formatted(data, pipeline);
  }

  static final String SQUARES = "{type: squares}";

  @Test
  void everyBuiltInStepIsRegisteredAndReadsItsOptions() {
    assertThat(PLUGINS.steps().names())
        .contains("resize", "centerCrop", "randomCrop", "randomResizedCrop", "flip", "colorJitter",
            "grayscale", "gaussianBlur", "solarize", "pad", "randomErasing");
    ExperimentSpec s = READER.parse(spec(SQUARES, """
        pipeline:
          train: [{type: resize, size: [384, 192], interpolation: bicubic}, {type: flip, p: 0.3},
                  {type: pad, padding: 10}, {type: randomCrop, size: [384, 192]},
                  {type: colorJitter, brightness: 0.4, contrast: 0.4, saturation: 0.2, hue: 0.1, p: 0.8},
                  {type: grayscale, p: 0.2}, {type: gaussianBlur, sigma: [0.1, 2.0], p: 0.5},
                  {type: solarize, p: 0.2}, {type: randomErasing, fill: random, area: [0.02, 0.4]}]
          test: [{type: resize, shorter: 256}, {type: centerCrop, size: 224}]
        """), false, "exp.yaml");
    assertThat(s.pipeline().train()).hasSize(9);
    assertThat(s.pipeline().trainSize(null)).isEqualTo(new ImageSize(384, 192));
    assertThat(s.pipeline().testSize(null)).isEqualTo(ImageSize.square(224));
    // the resolved spec writes every option out and reads back to the same pipeline
    String yaml = READER.toYaml(s);
    assertThat(yaml).contains("interpolation: \"bicubic\"").contains("aspectSampling: \"logUniform\"");
    assertThat(READER.parse(yaml, false, "resolved").pipeline()).isEqualTo(s.pipeline());
  }

  @Test
  void badStepsAreOneLineNamingTheKey() {
    assertThatThrownBy(() -> READER.parse(spec(SQUARES, "pipeline: {train: [{type: blur}], test: []}"), false, "exp.yaml"))
        .hasMessageStartingWith("exp.yaml: unknown type 'blur' at 'pipeline.train[0]'")
        .hasMessageContaining("gaussianBlur");
    assertThatThrownBy(() -> READER.parse(spec(SQUARES,
        "pipeline: {train: [{type: randomCrop, size: 8}, {type: flip, p: 2}], test: [{type: centerCrop, size: 8}]}"), false, "exp.yaml"))
        .hasMessageStartingWith("exp.yaml: pipeline.train[1].p must be in [0, 1], got 2");
    assertThatThrownBy(() -> READER.parse(spec(SQUARES,
        "pipeline: {train: [{type: resize, size: [1, 2, 3]}], test: []}"), false, "exp.yaml"))
        .hasMessageContaining("pipeline.train[0].size")
        .hasMessageContaining("[H, W]");
    assertThatThrownBy(() -> READER.parse(spec(SQUARES,
        "pipeline: {train: [{type: resize, size: 8, shorter: 8}], test: []}"), false, "exp.yaml"))
        .hasMessageContaining("pipeline.train[0].size or shorter: give exactly one of them");
    assertThatThrownBy(() -> READER.parse(spec(SQUARES,
        "pipeline: {train: [{type: resize, size: 8, interpolation: lanczos}], test: []}"), false, "exp.yaml"))
        .hasMessageContaining("interpolation must be one of bilinear, bicubic, nearest, got 'lanczos'");
  }

  @Test
  void padAndRandomCropMoveTheBoxesWithThePixels() {
    float[] px = new float[3 * 20 * 30];
    java.util.Arrays.fill(px, 0.5f);
    Sample s = new Sample("s", new FloatImage(3, 20, 30, px), 0, null, List.of(new Box(3, 4, 10, 12)),
        null, null, null, -1, -1);
    Sample padded = new org.fga.core.data.pipeline.steps.PadStep(List.of(2, 5, 1, 0), List.of(0.25))
        .create().apply(s, new Random(0));
    assertThat(padded.image().height()).isEqualTo(25);
    assertThat(padded.image().width()).isEqualTo(33);
    assertThat(padded.boxes()).containsExactly(new Box(5, 9, 12, 17));
    assertThat(padded.image().get(0, 0, 0)).isEqualTo(0.25f);
    assertThat(padded.image().get(1, 5, 2)).isEqualTo(0.5f);
    var padStep = new org.fga.core.data.pipeline.steps.PadStep(List.of(2, 5, 1, 0), null);
    assertThat(padStep.outputSize(new ImageSize(20, 30))).isEqualTo(new ImageSize(25, 33));
    // the box lies inside every crop of the 2-pixel-padded image: it moves but keeps its size
    var crop = new org.fga.core.data.pipeline.steps.RandomCropStep(new ImageSize(20, 30), 2, null);
    for (int seed = 0; seed < 20; seed++) {
      Sample c = crop.create().apply(s, new Random(seed));
      assertThat(c.image().height()).isEqualTo(20);
      Box b = c.boxes().get(0);
      assertThat(b.x1() - b.x0()).isEqualTo(7);
      assertThat(b.y1() - b.y0()).isEqualTo(8);
    }
  }

  @Test
  void aResizeScalesBoxesAsWsolevaluationDoes() {
    // wsolevaluation scales GT boxes to the 224x224 map with int(x * 224 / W) on every corner
    Random r = new Random(5);
    for (int k = 0; k < 200; k++) {
      int w = 60 + r.nextInt(500);
      int h = 60 + r.nextInt(500);
      int x0 = r.nextInt(w / 2), y0 = r.nextInt(h / 2);
      int x1 = x0 + r.nextInt(w - x0), y1 = y0 + r.nextInt(h - y0);
      Sample s = new Sample("s", FloatImage.zeros(3, h, w), 0, null, List.of(new Box(x0, y0, x1, y1)),
          null, null, null, -1, -1);
      Box got = new org.fga.core.data.pipeline.steps.ResizeStep(ImageSize.square(224), null, null)
          .create().apply(s, new Random(0)).boxes().get(0);
      assertThat(got).as("%dx%d box %d,%d,%d,%d", w, h, x0, y0, x1, y1).isEqualTo(new Box(
          (int) (x0 * 224.0 / w), (int) (y0 * 224.0 / h), (int) (x1 * 224.0 / w), (int) (y1 * 224.0 / h)));
    }
  }

  @Test
  void photometricStepsKeepGeometryAndRange() {
    FloatImage img = FloatImage.zeros(3, 8, 8);
    Random r = new Random(3);
    for (int i = 0; i < img.data().length; i++) {
      img.data()[i] = r.nextFloat();
    }
    Sample s = Sample.classification("s", img, 0);
    var steps = READER.parse(spec(SQUARES, """
        pipeline:
          train: [{type: colorJitter, brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.2},
                  {type: grayscale}, {type: gaussianBlur, sigma: 1.0}, {type: solarize},
                  {type: randomCrop, size: 8}]
          test: [{type: centerCrop, size: 8}]
        """), false, "e").pipeline().train();
    for (PipelineStep step : steps) {
      Sample out = step.create().apply(s, new Random(1));
      assertThat(out.image().height()).isEqualTo(8);
      for (float v : out.image().data()) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
    // grayscale: three equal channels; solarize inverts what is at or above the threshold
    FloatImage g = steps.get(1).create().apply(s, new Random(1)).image();
    assertThat(g.get(0, 3, 3)).isEqualTo(g.get(2, 3, 3));
    FloatImage sol = steps.get(3).create().apply(s, new Random(1)).image();
    for (int i = 0; i < img.data().length; i++) {
      float v = img.data()[i];
      assertThat(sol.data()[i]).isEqualTo(v >= 0.5f ? 1 - v : v);
    }
    // a blur of a constant image is the same constant
    FloatImage flat = FloatImage.zeros(3, 6, 6);
    java.util.Arrays.fill(flat.data(), 0.3f);
    FloatImage blurred = steps.get(2).create().apply(Sample.classification("f", flat, 0), new Random(0)).image();
    for (float v : blurred.data()) {
      assertThat(v).isCloseTo(0.3f, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }
}
