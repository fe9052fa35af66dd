package org.fga.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void aWrongInputGradientIsCaughtAndSwitchedAwayFrom() {
    FakePath path = new FakePath(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), "auto", errStream);
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
  void aFaultNoPathFixesIsRefusedWithOneLine() {
    FakePath path = new FakePath(false);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), "auto", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.UNUSABLE);
    assertThat(v.usable()).isFalse();
    assertThat(path.onednn()).as("left as found").isTrue();
    assertThat(v.line()).doesNotContain("\n").contains("refusing to train", "ONEDNN_MAX_CPU_ISA=SSE41");
  }

  @Test
  void aFaultWithNoSwitchIsRefused() {
    FakePath path = new FakePath(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.empty(), "auto", errStream);
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
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), right, Optional.of(path), "auto", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.HEALTHY);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void theNativePathCanBeForcedAndIsChecked() {
    FakePath path = new FakePath(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), "native", errStream);
    assertThat(v.status()).isEqualTo(Verdict.Status.FORCED);
    assertThat(path.onednn()).isFalse();
    assertThatThrownBy(() -> EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), "mkl", errStream))
        .isInstanceOf(EngineFaultException.class)
        .hasMessage(EngineGuard.PATH_PROPERTY + "=mkl is not a convolution path; valid: auto, native, onednn");
  }

  @Test
  void wrongOnednnKeptOnRequestIsSaidAndRecorded() {
    FakePath path = new FakePath(true);
    Verdict v = EngineGuard.decide(ConvSelfCheck.standard(), path.kernel(), Optional.of(path), "onednn", errStream);
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

  /**
   * A stand-in engine: its "oneDNN" adds an error to the input gradient when the channel count is
   * off the 16-wide block (the fault's signature); its "native" path is the real engine's result,
   * unless {@code switchFixes} is false.
   */
  private static final class FakePath implements ConvPath {
    private final boolean switchFixes;
    private boolean onednn = true;

    FakePath(boolean switchFixes) {
      this.switchFixes = switchFixes;
    }

    ConvKernel kernel() {
      DjlConvKernel real = new DjlConvKernel();
      return (c, x, w, g) -> {
        ConvKernel.Result r = real.run(c, x, w, g);
        if ((onednn || !switchFixes) && c.in() % 16 != 0) {
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
