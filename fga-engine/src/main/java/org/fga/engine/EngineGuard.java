package org.fga.engine;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks, once per process and before anything trains, that libtorch computes convolutions right,
 * and switches to a path that is right when it does not.
 *
 * <p>Why: on virtual machines whose CPUID reports no cache sizes, the oneDNN bundled with libtorch
 * 2.7.1 picks blockings for channel counts off its vector block that compute wrong input gradients
 * (and, for some counts, wrong outputs) — silently, varying from run to run. A run on such a
 * machine trains to different numbers than the same run elsewhere. The check ({@link
 * ConvSelfCheck#standard()}) runs a dozen small convolutions forward and backward against a
 * float64 computation of our own; when oneDNN is wrong, convolutions move to libtorch's native
 * kernels ({@link ConvPath}), the check runs again there, and one line on stderr says so. When no
 * path is right, {@link #ensure()} throws, so the command line stops with one line and exit code 2
 * before any training. A healthy machine pays only the check.
 *
 * <p>{@value #PATH_PROPERTY}{@code =native} (system property, or {@value #PATH_ENV}) forces the native kernels, checked
 * the same way: for a test of that path on a healthy machine, or a user who wants it. {@code
 * =onednn} keeps oneDNN even when it is wrong, with a warning line and the verdict in every
 * {@code metrics.json}: for timing the default kernels and for showing the fault, never silently.
 */
public final class EngineGuard {
  /** System property choosing the convolution path: {@code auto} (default), {@code native}, {@code onednn}. */
  public static final String PATH_PROPERTY = "fga.engine.conv";

  /** The same choice as an environment variable, which child JVMs inherit; the property wins. */
  public static final String PATH_ENV = "FGA_ENGINE_CONV";

  /** The measured cost of the native kernels on an affected machine (docs/run-directory.md, "Engine guard"). */
  static final String EXPECTED_SLOWDOWN = "2x";

  private static Verdict verdict;
  private static boolean nnpack = true;
  /** libtorch's context, looked up once the engine is loaded (it reads /proc/self/maps and opens the library). */
  private static Optional<LibtorchContext> context = Optional.empty();

  private EngineGuard() {}

  /**
   * The process's verdict, checking on first call; throws when no convolution path is right.
   *
   * @throws EngineFaultException when nothing may train on this engine
   */
  public static synchronized Verdict ensure() {
    if (verdict == null) {
      ConvSelfCheck check = ConvSelfCheck.standard();
      // the float64 references need no engine: computed while libtorch loads, they cost no wall time
      Thread references = new Thread(check::prepare, "fga-engine-references");
      references.setDaemon(true);
      references.start();
      ai.djl.engine.Engine.getInstance(); // libtorch must be mapped before its context is looked up
      context = LibtorchContext.find();
      nnpack = context.map(LibtorchContext::quietUnavailableNnpack).orElse(true);
      verdict = decide(check, new DjlConvKernel(), context,
          System.getProperty(PATH_PROPERTY, System.getenv().getOrDefault(PATH_ENV, "auto")), System.err);
    }
    if (!verdict.usable()) {
      throw new EngineFaultException(verdict.line());
    }
    return verdict;
  }

  /**
   * Runs {@code body} with convolutions on the path {@code mode} names ({@code native}, {@code
   * onednn}, or {@code auto}), checked as at start-up, then puts the process's path back: for
   * timing one path against the other, and for tests of the native path on a healthy machine.
   *
   * @throws EngineFaultException when that path is wrong (and not {@code onednn}, which is kept
   *     with a warning)
   */
  public static synchronized <T> T withPath(String mode, java.util.function.Supplier<T> body) {
    ensure();
    LibtorchContext libtorch = context
        .orElseThrow(() -> new EngineFaultException("cannot switch convolution paths: " + LibtorchContext.unavailable));
    boolean before = libtorch.onednn();
    try {
      libtorch.setOnednn(true); // each mode starts from libtorch's default, as at start-up
      Verdict v = decide(ConvSelfCheck.standard(), new DjlConvKernel(), Optional.of(libtorch), mode, System.err);
      if (!v.usable()) {
        throw new EngineFaultException(v.line());
      }
      return body.get();
    } finally {
      libtorch.setOnednn(before);
    }
  }

  /** Whether NNPACK can run here; where it cannot, the guard turned it off (said once, not per convolution). */
  public static synchronized boolean nnpackAvailable() {
    return nnpack;
  }

  /** libtorch's context as {@link #ensure()} found it; empty before the guard ran or where it is unreachable. */
  static synchronized Optional<LibtorchContext> context() {
    return context;
  }

  /** The verdict if the guard has run in this process. */
  public static synchronized Optional<Verdict> current() {
    return Optional.ofNullable(verdict);
  }

  /**
   * The guard's decision on any kernel and switch: the seam through which tests show that a wrong
   * kernel is caught and refused on a machine whose own kernels are right.
   *
   * @param mode {@code auto} or {@code native}
   * @param err where the one line about a switch goes
   */
  static Verdict decide(
      ConvSelfCheck check, ConvKernel kernel, Optional<? extends ConvPath> path, String mode, PrintStream err) {
    long start = System.nanoTime();
    String m = mode.trim().toLowerCase(Locale.ROOT);
    if (!m.equals("auto") && !m.equals("native") && !m.equals("onednn")) {
      throw new EngineFaultException(
          PATH_PROPERTY + "=" + mode + " is not a convolution path; valid: auto, native, onednn");
    }
    if (m.equals("native")) {
      if (path.isEmpty()) {
        return done(Verdict.Status.UNUSABLE, "oneDNN", List.of(), List.of(), start, err);
      }
      path.get().setOnednn(false);
      List<Mismatch> wrong = check.run(kernel);
      Verdict.Status s = wrong.isEmpty() ? Verdict.Status.FORCED : Verdict.Status.UNUSABLE;
      return done(s, "native", List.of(), wrong, start, err);
    }
    List<Mismatch> onednn = check.run(kernel);
    if (m.equals("onednn")) { // for timing the default kernels, or showing the fault: never silent
      Verdict.Status s = onednn.isEmpty() ? Verdict.Status.HEALTHY : Verdict.Status.KEPT_WRONG;
      return done(s, "oneDNN", onednn, onednn, start, err);
    }
    if (onednn.isEmpty()) {
      return done(Verdict.Status.HEALTHY, "oneDNN", onednn, List.of(), start, err);
    }
    if (path.isEmpty()) {
      return done(Verdict.Status.UNUSABLE, "oneDNN", onednn, onednn, start, err);
    }
    path.get().setOnednn(false);
    List<Mismatch> still = check.run(kernel);
    if (!still.isEmpty()) {
      path.get().setOnednn(true); // leave the engine as found: neither path is right
      return done(Verdict.Status.UNUSABLE, "oneDNN", onednn, still, start, err);
    }
    return done(Verdict.Status.SWITCHED, "native", onednn, List.of(), start, err);
  }

  private static Verdict done(
      Verdict.Status status, String convPath, List<Mismatch> onednn, List<Mismatch> remaining, long start,
      PrintStream err) {
    Verdict v = new Verdict(
        status, convPath, onednn, remaining, (System.nanoTime() - start) / 1e6, LibtorchContext.unavailable);
    if (status != Verdict.Status.HEALTHY && status != Verdict.Status.UNUSABLE) {
      err.println("fga: " + v.line());
    }
    return v;
  }
}
