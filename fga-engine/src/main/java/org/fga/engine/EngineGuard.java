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
 * (and, for some counts, wrong outputs) — silently, at some batch and map sizes and not others. A
 * run on such a machine trains to different numbers than the same run elsewhere. The check ({@link
 * ConvSelfCheck#standard()}) runs thirteen small convolutions forward and backward against a
 * float64 computation of our own. When oneDNN is wrong, the guard first routes the convolutions
 * whose channel counts are off the block to a kernel of fga's own ({@link ConvRoute}; the rest, which are all a
 * full-width network has, stay on oneDNN at full speed) and checks again; if that is still wrong,
 * every convolution moves to libtorch's native kernels ({@link ConvPath}) and is checked there. One
 * line on stderr says what was done. When no path is right, {@link #ensure()} throws, so the
 * command line stops with one line and exit code 2 before any training. A healthy machine pays
 * only the check.
 *
 * <p>{@value #PATH_PROPERTY}{@code =routed} or {@code =native} (system property, or {@value
 * #PATH_ENV}) forces that path, checked the same way: for a test of it on a healthy machine, or a
 * user who wants it. {@code =onednn} keeps oneDNN even when it is wrong, with a warning line and
 * the verdict in every {@code metrics.json}: for timing the default kernels and for showing the
 * fault, never silently.
 */
public final class EngineGuard {
  /** System property choosing the convolution path: {@code auto} (default), {@code routed}, {@code native}, {@code onednn}. */
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
      verdict = decide(check, new DjlConvKernel(), context, ConvRoute.ENGINE,
          System.getProperty(PATH_PROPERTY, System.getenv().getOrDefault(PATH_ENV, "auto")), System.err);
    }
    if (!verdict.usable()) {
      throw new EngineFaultException(verdict.line());
    }
    return verdict;
  }

  /**
   * Runs {@code body} with convolutions on the path {@code mode} names ({@code native}, {@code
   * routed}, {@code onednn}, or {@code auto}), checked as at start-up, then puts the process's path back: for
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
    boolean routedBefore = ConvRoute.ENGINE.on();
    try {
      libtorch.setOnednn(true); // each mode starts from libtorch's default, as at start-up
      Verdict v = decide(
          ConvSelfCheck.standard(), new DjlConvKernel(), Optional.of(libtorch), ConvRoute.ENGINE, mode, System.err);
      if (!v.usable()) {
        throw new EngineFaultException(v.line());
      }
      return body.get();
    } finally {
      libtorch.setOnednn(before);
      ConvRoute.ENGINE.set(routedBefore);
    }
  }

  /**
   * Makes sure every convolution of a model is one the route covers. Where the route is on (the
   * guard routed oneDNN's wrong shapes off it, or {@code routed} was asked for) and the model holds
   * a convolution block that computes outside the route (a plain DJL {@code Conv2d} from a
   * plugin), oneDNN is turned off for the whole process instead, checked, and one line says which
   * block caused it. Elsewhere it does nothing.
   *
   * @throws EngineFaultException when the native kernels are wrong too
   */
  public static synchronized void requireRoutable(ai.djl.nn.Block model) {
    if (verdict == null) {
      return;
    }
    verdict = reroute(verdict, model, context, ConvRoute.ENGINE, ConvSelfCheck.standard(), new DjlConvKernel(),
        System.err);
    if (!verdict.usable()) {
      throw new EngineFaultException(verdict.line());
    }
  }

  /**
   * {@link #requireRoutable}'s decision on any route, switch and kernel (the seam its tests use):
   * the verdict unchanged while the route is off or covers the model; else oneDNN off and checked,
   * giving {@code SWITCHED}, or {@code UNUSABLE} with oneDNN and the route left as they were.
   */
  static Verdict reroute(
      Verdict current, ai.djl.nn.Block model, Optional<? extends ConvPath> path, ConvRoute route,
      ConvSelfCheck check, ConvKernel kernel, PrintStream err) {
    if (!route.on()) {
      return current;
    }
    Optional<String> plain = unrouted(model, "");
    if (plain.isEmpty()) {
      return current;
    }
    long start = System.nanoTime();
    String why = plain.get() + " is a convolution outside fga's route (build it with org.fga.engine.RoutedConv)";
    if (path.isEmpty()) {
      return new Verdict(Verdict.Status.UNUSABLE, current.convPath(), current.onednnMismatches(),
          current.onednnMismatches(), current.millis(), why + "; " + LibtorchContext.unavailable);
    }
    route.set(false);
    path.get().setOnednn(false);
    List<Mismatch> still = check.run(kernel);
    double millis = current.millis() + (System.nanoTime() - start) / 1e6;
    if (!still.isEmpty()) {
      path.get().setOnednn(true); // as found: the route on, oneDNN on
      route.set(true);
      return new Verdict(Verdict.Status.UNUSABLE, "native", current.onednnMismatches(), still, millis, why);
    }
    Verdict v = new Verdict(Verdict.Status.SWITCHED, "native", current.onednnMismatches(), List.of(), millis,
        LibtorchContext.unavailable);
    err.println("fga: engine: " + why + "; " + v.line().substring("engine: ".length()));
    return v;
  }

  /** The path of the first convolution block under {@code block} that is not a {@link RoutedConv}. */
  static Optional<String> unrouted(ai.djl.nn.Block block, String path) {
    if (block instanceof ai.djl.nn.convolutional.Convolution && !(block instanceof RoutedConv)) {
      return Optional.of((path.isEmpty() ? "the model" : path) + " (" + block.getClass().getName() + ")");
    }
    for (var child : block.getChildren()) {
      Optional<String> found = unrouted(child.getValue(), path.isEmpty() ? child.getKey() : path + "/" + child.getKey());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
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
   * The guard's decision on any kernel, switch and route: the seam through which tests show that a
   * wrong kernel is caught and routed around, switched away from or refused on a machine whose own
   * kernels are right. In {@code auto} mode the cheapest right path wins: oneDNN as it is, then
   * oneDNN with its off-block convolutions taken off it ({@link ConvRoute}), then libtorch's native
   * kernels for every convolution.
   *
   * @param mode {@code auto}, {@code routed}, {@code native} or {@code onednn}
   * @param err where the one line about a switch goes
   */
  static Verdict decide(
      ConvSelfCheck check, ConvKernel kernel, Optional<? extends ConvPath> path, ConvRoute route, String mode,
      PrintStream err) {
    long start = System.nanoTime();
    String m = mode.trim().toLowerCase(Locale.ROOT);
    if (!List.of("auto", "routed", "native", "onednn").contains(m)) {
      throw new EngineFaultException(
          PATH_PROPERTY + "=" + mode + " is not a convolution path; valid: auto, routed, native, onednn");
    }
    route.set(false);
    if (m.equals("native")) {
      if (path.isEmpty()) {
        return done(Verdict.Status.UNUSABLE, "oneDNN", List.of(), List.of(), start, err);
      }
      path.get().setOnednn(false);
      List<Mismatch> wrong = check.run(kernel);
      Verdict.Status s = wrong.isEmpty() ? Verdict.Status.FORCED : Verdict.Status.UNUSABLE;
      return done(s, "native", List.of(), wrong, start, err);
    }
    if (m.equals("routed")) {
      route.set(true);
      List<Mismatch> wrong = check.run(kernel);
      if (!wrong.isEmpty()) {
        route.set(false);
      }
      return done(wrong.isEmpty() ? Verdict.Status.FORCED : Verdict.Status.UNUSABLE, "routed", List.of(), wrong,
          start, err);
    }
    List<Mismatch> onednn = check.run(kernel);
    if (m.equals("onednn")) { // for timing the default kernels, or showing the fault: never silent
      Verdict.Status s = onednn.isEmpty() ? Verdict.Status.HEALTHY : Verdict.Status.KEPT_WRONG;
      return done(s, "oneDNN", onednn, onednn, start, err);
    }
    if (onednn.isEmpty()) {
      return done(Verdict.Status.HEALTHY, "oneDNN", onednn, List.of(), start, err);
    }
    route.set(true); // the off-block shapes off oneDNN, the aligned ones (the check's controls) still on it
    if (check.run(kernel).isEmpty()) {
      return done(Verdict.Status.ROUTED, "routed", onednn, List.of(), start, err);
    }
    route.set(false);
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
