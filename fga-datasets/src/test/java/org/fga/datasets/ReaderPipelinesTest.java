package org.fga.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.steps.DefaultPipelines;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.junit.jupiter.api.Test;

/**
 * What the readers tell the core's {@code pipeline:} machinery: the default pipeline a spec without
 * one gets, and the native size (none for images on disk) that makes a pipeline leaving mixed sizes
 * an error when the file is read. The steps themselves are tested in fga-core.
 */
class ReaderPipelinesTest {
  static final Plugins PLUGINS = Plugins.load();
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

  static final String CUB = "{type: cub, root: /nowhere/CUB_200_2011}";

  @Test
  void aSpecWithoutPipelineGetsItsReadersDefaultWrittenOut() {
    ExperimentSpec s = READER.parse(spec("{type: cub, root: /x, imageSize: 224}", ""), false, "e");
    assertThat(s.pipeline()).isEqualTo(DefaultPipelines.resizeCrop(224));
    assertThat(READER.toYaml(s)).contains("type: \"randomCrop\"").contains("shorter: 256");
    ExperimentSpec m = READER.parse(spec("{type: market1501, root: /x, height: 384, width: 192}", ""), false, "e");
    assertThat(m.pipeline().trainSize(null)).isEqualTo(new ImageSize(384, 192));
  }

  @Test
  void aPipelineThatLeavesDiskImagesAtTheirOwnSizeIsRefused() {
    assertThatThrownBy(() -> READER.parse(spec(CUB, """
        pipeline: {train: [{type: flip}], test: [{type: resize, size: 448}]}
        """), false, "exp.yaml"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("pipeline.train leaves cub images at their own sizes");
    // shorter-side resizing keeps the aspect, so it does not fix the size either
    assertThatThrownBy(() -> READER.parse(spec(CUB, """
        pipeline: {train: [{type: randomCrop, size: 448}], test: [{type: resize, shorter: 448}]}
        """), false, "exp.yaml"))
        .hasMessageContaining("pipeline.test leaves cub images at their own sizes");
    // synthetic images of one size need no step, mixed-size ones do
    assertThat(READER.parse(spec("{type: synthetic, imageSize: 32}", "pipeline: {train: [], test: []}"),
        false, "e").pipeline().trainSize(ImageSize.square(32))).isEqualTo(ImageSize.square(32));
    assertThatThrownBy(() -> READER.parse(spec("{type: synthetic, imageSize: 32, sizeJitter: 0.3}",
        "pipeline: {train: [], test: []}"), false, "e"))
        .hasMessageContaining("pipeline.train leaves synthetic images at their own sizes");
  }
}
