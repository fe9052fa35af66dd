package org.fga.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs convolutions forward and backward on a {@link ConvKernel} and compares them with {@link
 * ReferenceConv}. The default cases are the shapes a faulty oneDNN gets wrong (channel counts off
 * the 8- and 16-wide vector blocks, 1-D and 2-D, strided and dilated, the one-channel 1-D
 * convolution of RFGA's channel view, CAL's attention maps, a stem) plus aligned controls, which
 * stay on oneDNN when the guard routes the others off it ({@link ConvRoute}); each is small, so
 * the whole check costs milliseconds.
 */
public final class ConvSelfCheck {
  /** Relative error allowed: float32 sums of at most a few hundred terms stay far below it. */
  static final double TOLERANCE = 1e-4;

  private final List<ConvCase> cases;

  public ConvSelfCheck(List<ConvCase> cases) {
    this.cases = List.copyOf(cases);
  }

  /** The shapes checked wherever libtorch loads. */
  public static ConvSelfCheck standard() {
    return new ConvSelfCheck(
        List.of(
            new ConvCase(2, 2, 3, 8, 16, 7, 2, 3, 1), // a narrow stem
            new ConvCase(2, 2, 3, 16, 16, 7, 2, 3, 1), // an RGB stem on the block: stays on oneDNN when routed
            new ConvCase(2, 2, 4, 4, 12, 3, 1, 1, 1),
            new ConvCase(2, 2, 8, 8, 16, 3, 1, 1, 1),
            new ConvCase(2, 2, 12, 12, 12, 3, 2, 1, 1),
            new ConvCase(2, 2, 24, 24, 8, 3, 1, 1, 1),
            new ConvCase(2, 2, 8, 8, 12, 3, 1, 2, 2), // dilated, as a last stage at output stride 8
            new ConvCase(2, 2, 16, 16, 8, 3, 1, 2, 2), // the demo's width-16 dilated stage
            new ConvCase(2, 2, 32, 8, 8, 1, 1, 0, 1), // attention maps from features (CAL, WS-DAN)
            new ConvCase(2, 1, 16, 16, 6, 3, 1, 1, 1), // aligned control
            new ConvCase(1, 2, 1, 1, 32, 3, 1, 1, 1), // RFGA's channel-view Conv1d
            new ConvCase(1, 2, 4, 4, 16, 5, 1, 2, 1),
            new ConvCase(1, 2, 8, 8, 16, 3, 2, 1, 1)));
  }

  public List<ConvCase> cases() {
    return cases;
  }

  /** The cases' inputs and their float64 results, computed once. */
  private record Prepared(List<float[][]> inputs, List<ReferenceConv.Result> want) {}

  private Prepared prepared;

  /**
   * Draws the inputs and computes the float64 references, once; later calls return at once. Pure
   * Java, needing no engine: {@link EngineGuard#ensure()} runs it on a thread of its own while
   * libtorch loads (hundreds of milliseconds of library loading that no check can use), not beside
   * the kernels: libtorch's OpenMP threads spin while they wait, and a Java thread next to them
   * made the check 5–10 times slower on two cores.
   */
  public void prepare() {
    prepared();
  }

  /** The inputs and references, computed on the first call (a second caller waits for the first). */
  private synchronized Prepared prepared() {
    if (prepared != null) {
      return prepared;
    }
    SplittableRandom random = new SplittableRandom(0x6a7d);
    List<float[][]> inputs = new ArrayList<>();
    for (ConvCase c : cases) {
      inputs.add(new float[][] {
        uniform(random, c.batch() * c.in() * c.height() * c.size()),
        uniform(random, c.out() * c.in() * c.kernelHeight() * c.kernel()),
        uniform(random, c.batch() * c.out() * c.outHeight() * c.outWidth())
      });
    }
    List<ReferenceConv.Result> want = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      float[][] in = inputs.get(i);
      want.add(ReferenceConv.run(cases.get(i), widen(in[0]), widen(in[1]), widen(in[2])));
    }
    prepared = new Prepared(List.copyOf(inputs), List.copyOf(want));
    return prepared;
  }

  /** Every mismatch, or none when the kernel is right on every case (the references are reused across calls). */
  public List<Mismatch> run(ConvKernel kernel) {
    Prepared p = prepared();
    List<ConvKernel.Result> got = kernel.runAll(cases, p.inputs());
    List<Mismatch> found = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      compare(cases.get(i), "forward", got.get(i).y(), p.want().get(i).y(), found);
      compare(cases.get(i), "input gradient", got.get(i).dx(), p.want().get(i).dx(), found);
      compare(cases.get(i), "weight gradient", got.get(i).dw(), p.want().get(i).dw(), found);
    }
    return found;
  }

  private static void compare(ConvCase c, String tensor, float[] got, double[] want, List<Mismatch> out) {
    double error = relativeError(got, want);
    if (!(error <= TOLERANCE)) {
      out.add(new Mismatch(c, tensor, error));
    }
  }

  /** max |got − want| / max |want|; NaN when got has a non-finite value or the wrong length. */
  static double relativeError(float[] got, double[] want) {
    if (got.length != want.length) {
      return Double.NaN;
    }
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < want.length; i++) {
      if (!Float.isFinite(got[i])) {
        return Double.NaN;
      }
      scale = Math.max(scale, Math.abs(want[i]));
      diff = Math.max(diff, Math.abs(got[i] - want[i]));
    }
    return diff / Math.max(scale, 1e-30);
  }

  private static float[] uniform(SplittableRandom random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return a;
  }

  private static double[] widen(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }
}
