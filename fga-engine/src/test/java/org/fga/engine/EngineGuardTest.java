package org.fga.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The guard on this machine, and its decisions on kernels made wrong on purpose: a machine whose
 * own convolutions are right must still show that a wrong one is caught, switched away from, or
 * refused.
 */
class EngineGuardTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

  @Test
  void theEnginesConvolutionsAreRightOnThePathTheGuardChose() {
    Verdict v = EngineGuard.ensure();
    assertThat(v.usable()).isTrue();
    assertThat(ConvSelfCheck.standard().run(new DjlConvKernel())).isEmpty();
  }

  @Test
  void aFaultTheRouteDoesNotCoverSwitchesEveryConvolutionToNative() {
    FakePath path = new FakePath(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), path.route, "auto", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.SWITCHED);
    assertThat(v.convPath()).isEqualTo("native");
    assertThat(path.onednn()).isFalse();
    assertThat(v.onednnMismatches()).isNotEmpty()
        .allMatch(m -> m.tensor().equals("input gradient") && m.conv().in() % 16 != 0);
    String line = err.toString(StandardCharsets.UTF_8);
    assertThat(line.lines()).hasSize(1);
    assertThat(line).contains("oneDNN convolutions are wrong", "input gradient", "switched to libtorch's native");
  }

  @Test
  void aFaultOnOffBlockChannelCountsIsRoutedAndOneDnnKept() {
    FakePath path = FakePath.wrongOnExposed(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), path.route, "auto", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.ROUTED);
    assertThat(v.convPath()).isEqualTo("routed");
    assertThat(path.onednn()).as("aligned convolutions stay on oneDNN").isTrue();
    assertThat(path.route.on()).isTrue();
    assertThat(v.onednnMismatches()).isNotEmpty();
    String line = err.toString(StandardCharsets.UTF_8);
    assertThat(line.lines()).hasSize(1);
    assertThat(line).contains("oneDNN convolutions are wrong", "off its 16-wide block (and every strided 1x1) now run as fga's own patch-matrix product");
  }

  @Test
  void theRouteCoversExactlyTheOffBlockCounts() {
    assertThat(ConvRoute.exposed(16, 16)).isFalse();
    assertThat(ConvRoute.exposed(2048, 512)).isFalse();
    assertThat(ConvRoute.exposed(3, 64)).as("an RGB stem").isFalse();
    assertThat(ConvRoute.exposed(1, 16)).as("one map in").isFalse();
    assertThat(ConvRoute.exposed(16, 8)).as("wrong input gradients").isTrue();
    assertThat(ConvRoute.exposed(2048, 200)).as("CUB's class maps").isTrue();
    assertThat(ConvRoute.exposed(24, 32)).as("wrong outputs").isTrue();
    assertThat(ConvRoute.exposed(8, 16)).as("off-block inputs above 4 channels").isTrue();
    assertThat(ConvRoute.exposed(1, 1)).as("RFGA's channel view").isTrue();
    assertThat(ConvRoute.exposed(48, 16)).as("16 times an odd number in").isTrue();
    assertThat(ConvRoute.exposed(96, 48)).as("a multiple of 32 in, 16 times odd out").isFalse();
  }

  @Test
  void aConvolutionOutsideTheRouteIsFoundByItsPath() {
    SequentialBlock model = new SequentialBlock()
        .add(RoutedConv.of(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(8)));
    assertThat(EngineGuard.unrouted(model, "")).isEmpty();
    model.add(new SequentialBlock().add(plainConv()));
    assertThat(EngineGuard.unrouted(model, "")).hasValue("02SequentialBlock/01Conv2d (ai.djl.nn.convolutional.Conv2d)");
  }

  @Test
  void aModelWithAConvolutionOutsideTheRouteTurnsOneDnnOff() {
    SequentialBlock model = new SequentialBlock().add(plainConv());
    FakePath path = FakePath.wrongOnExposed(true);
    Verdict routed = EngineGuard.decide(
        ConvSelfCheck.standard(), path.kernel(), Optional.of(path), path.route, "auto", errStream);
    assertThat(EngineGuard.reroute(routed, new SequentialBlock(), Optional.of(path), path.route,
        ConvSelfCheck.standard(), path.kernel(), errStream)).as("nothing outside the route").isSameAs(routed);
    err.reset();
    Verdict v = EngineGuard.reroute(
        routed, model, Optional.of(path), path.route, ConvSelfCheck.standard(), path.kernel(), errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.SWITCHED);
    assertThat(path.onednn()).isFalse();
    assertThat(path.route.on()).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("01Conv2d (ai.djl.nn.convolutional.Conv2d) is a"
        + " convolution outside fga's route", "switched to libtorch's native");
    assertThat(EngineGuard.reroute(v, model, Optional.of(path), path.route, ConvSelfCheck.standard(),
        path.kernel(), errStream)).as("route off: nothing to do").isSameAs(v);
  }

  @Test
  void aModelOutsideTheRouteWhereNativeIsWrongTooIsRefusedAndTheEngineLeftAsFound() {
    SequentialBlock model = new SequentialBlock().add(plainConv());
    FakePath path = FakePath.wrongOnExposed(false);
    path.route.set(true);
    Verdict routed = new Verdict(Verdict.Status.ROUTED, "routed", List.of(), List.of(), 1, "");
    Verdict v = EngineGuard.reroute(
        routed, model, Optional.of(path), path.route, ConvSelfCheck.standard(), path.kernel(), errStream);
    assertThat(v.usable()).isFalse();
    assertThat(path.onednn()).isTrue();
    assertThat(path.route.on()).isTrue();
  }

  @Test
  void aFaultNoPathFixesIsRefusedWithOneLine() {
    FakePath path = new FakePath(false);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), path.route, "auto", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.UNUSABLE);
    assertThat(v.usable()).isFalse();
    assertThat(path.onednn()).as("left as found").isTrue();
    assertThat(v.line()).doesNotContain("\n").contains("refusing to train", "ONEDNN_MAX_CPU_ISA=SSE41");
  }

  @Test
  void aFaultWithNoSwitchIsRefused() {
    FakePath path = new FakePath(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.empty(), path.route, "auto", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.UNUSABLE);
    assertThat(v.line()).contains("could not be turned off");
  }

  @Test
  void nanIsAMismatch() {
    ConvKernel nan = (c, x, w, g) -> {
      ConvKernel.Result r = new DjlConvKernel().run(c, x, w, g);
      r.y()[0] = Float.NaN;
      return r;
    };
    List<Mismatch> found = ConvSelfCheck.standard().run(nan);
    assertThat(found).hasSize(ConvSelfCheck.standard().cases().size());
    assertThat(found.get(0).toString()).contains("forward off by NaN");
  }

  @Test
  void aRightEngineIsLeftAloneAndSaysNothing() {
    FakePath path = new FakePath(true);
    path.setOnednn(false); // the fake's oneDNN is wrong; start it on the right path to act as a healthy one
    ConvKernel right = path.kernel();
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), right, Optional.of(path), path.route, "auto", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.HEALTHY);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void theNativePathCanBeForcedAndIsChecked() {
    FakePath path = new FakePath(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), path.route, "native", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.FORCED);
    assertThat(path.onednn()).isFalse();
    assertThatThrownBy(() -> EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), path.route, "mkl", errStream))
        .isInstanceOf(EngineFaultException.class)
        .hasMessage(EngineGuard.PATH_PROPERTY + "=mkl is not a convolution path; valid: auto, routed, native, onednn");
  }

  @Test
  void theRouteCanBeForcedAndIsChecked() {
    FakePath path = FakePath.wrongOnExposed(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), path.route, "routed", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.FORCED);
    assertThat(v.convPath()).isEqualTo("routed");
    assertThat(path.onednn()).isTrue();
    assertThat(v.line()).contains("routed (off-block channel counts as a patch-matrix product");
    FakePath aligned = new FakePath(true, c -> true);
    Verdict refused = EngineGuard.decide(
        ConvSelfCheck.standard(), aligned.kernel(), Optional.of(aligned), aligned.route, "routed", errStream);
    assertThat(refused.status()).isEqualTo(Verdict.Status.UNUSABLE);
    assertThat(aligned.route.on()).isFalse();
  }

  @Test
  void wrongOnednnKeptOnRequestIsSaidAndRecorded() {
    FakePath path = new FakePath(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), path.route, "onednn", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.KEPT_WRONG);
    assertThat(v.usable()).isTrue();
    assertThat(path.onednn()).isTrue();
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("fga: warning: engine: oneDNN convolutions are wrong");
    assertThat(v.toMap()).containsEntry("status", "kept_wrong");
  }

  @Test
  void factsNameTheKernelsInUse() {
    var facts = EngineFacts.collect();
    assertThat(facts).containsKeys("libtorch", "onednn", "atenIsa", "cpu", "cacheSizes", "intraOpThreads", "guard");
    assertThat(facts.get("libtorch")).isEqualTo(ai.djl.engine.Engine.getInstance().getVersion());
    assertThat((String) facts.get("onednn")).containsPattern("v\\d+\\.\\d+");
    assertThat((String) facts.get("atenIsa")).isIn("DEFAULT", "AVX2", "AVX512", "ZVECTOR", "NO AVX", "unknown");
  }

  /** A plain DJL convolution, outside the route, as a plugin might build one. */
  private static Conv2d plainConv() {
    return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(4).build();
  }

  /**
   * A stand-in engine: its "oneDNN" adds an error to the input gradient of the shapes {@code
   * wrong} names (by default every input channel count off the 16-wide block, which includes the
   * RGB stem the route keeps on oneDNN); a shape its route takes off oneDNN is right, and so is
   * its "native" path, unless {@code switchFixes} is false.
   */
  private static final class FakePath implements ConvPath {
    private final boolean switchFixes;
    private final java.util.function.Predicate<ConvCase> wrong;
    final ConvRoute route = new ConvRoute();
    private boolean onednn = true;

    FakePath(boolean switchFixes) {
      this(switchFixes, c -> c.in() % 16 != 0);
    }

    FakePath(boolean switchFixes, java.util.function.Predicate<ConvCase> wrong) {
      this.switchFixes = switchFixes;
      this.wrong = wrong;
    }

    /** Wrong on exactly the channel counts the route takes: the fault as measured on the emulated CPU. */
    static FakePath wrongOnExposed(boolean switchFixes) {
      return new FakePath(switchFixes, c -> ConvRoute.exposed(c.in(), c.out()));
    }

    ConvKernel kernel() {
      DjlConvKernel real = new DjlConvKernel();
      return (c, x, w, g) -> {
        ConvKernel.Result r = real.run(c, x, w, g);
        boolean onOnednn = onednn && !route.takes(c);
        if ((onOnednn || !switchFixes) && wrong.test(c)) {
          r.dx()[r.dx().length / 2] += 0.5f;
        }
        return r;
      };
    }

    @Override
    public boolean onednn() {
      return onednn;
    }

    @Override
    public void setOnednn(boolean on) {
      onednn = on;
    }
  }
}
