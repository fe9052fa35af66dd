package org.fga.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The convolutions each method runs at its paper's settings (channel counts and kernels as in the
 * paper configs; spatial size and batch reduced, which the fault does not need) are right on the
 * path the engine guard chose. The guard's own start-up check covers narrow shapes in
 * milliseconds; this covers the wide ones it leaves out, so a fault at a channel count only a
 * paper setting uses would fail here rather than in a paper run.
 */
class PaperShapesConvTest {

  static List<ConvCase> paperShapes() {
    return List.of(
        new ConvCase(2, 2, 3, 64, 16, 7, 2, 3, 1), // ResNet stem (every backbone)
        new ConvCase(2, 2, 3, 64, 8, 3, 1, 1, 1), // VGG-16 first conv (GAIN)
        new ConvCase(2, 2, 64, 64, 8, 3, 1, 1, 1), // ResNet layer1 3×3
        new ConvCase(2, 2, 512, 512, 4, 3, 1, 2, 2), // ResNet-50 layer4 3×3 at output stride 8 (RFGA, CAM)
        new ConvCase(2, 2, 2048, 32, 4, 1, 1, 0, 1), // CAL / WS-DAN / Coarse2Fine: M = 32 attention maps
        new ConvCase(2, 2, 2048, 8, 4, 1, 1, 0, 1), // CAL re-ID: 8 attention maps
        new ConvCase(2, 2, 2048, 200, 4, 1, 1, 0, 1), // RFGA/CAM class-map conv, CUB's 200 classes
        new ConvCase(2, 2, 512, 512, 6, 3, 1, 1, 1), // GAIN's conv head on VGG-16 features
        new ConvCase(2, 2, 2048, 2048, 2, 1, 1, 0, 1), // LCR's rationale branch
        new ConvCase(1, 2, 1, 1, 2048, 3, 1, 1, 1), // RFGA channel view (kernel 3 over 2048 channels)
        new ConvCase(1, 2, 1, 1, 28, 3, 1, 1, 1)); // RFGA height/width views at 28×28 maps
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperShapes")
  void rightOnTheGuardsPath(ConvCase c) {
    EngineGuard.ensure();
    assertThat(new ConvSelfCheck(List.of(c)).run(new DjlConvKernel())).isEmpty();
  }
}
