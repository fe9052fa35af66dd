package org.fga.perf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;

/**
 * Times two specs' training steps in strict alternation — a step of A, a step of B, a step of A —
 * each in its own trainer, so that a busy machine slows both alike: on a shared CPU, runs timed one
 * after the other can differ by 2× from load alone. A baton passed in the step listeners lets only
 * one step run at a time; the time of a step excludes the wait for the baton (the trainer starts a
 * step's clock after its listener returned). Both specs must run the same number of steps.
 */
public final class InterleavedStepTimer {
  private final Plugins plugins;

  public InterleavedStepTimer(Plugins plugins) {
    this.plugins = plugins;
  }

  /** Median milliseconds per step of each spec, {@code [a, b]}, timed as in {@link #stepMillis}. */
  public double[] medianMillis(ExperimentSpec specA, ExperimentSpec specB, int warmup, int steps) {
    double[][] ms = stepMillis(specA, specB, warmup, steps);
    return new double[] {Medians.of(ms[0]), Medians.of(ms[1])};
  }


  /**
   * Milliseconds of each timed step (after {@code warmup}) of each spec: {@code [a, b][step]}.
   * Step i of a and step i of b ran back to back, so their ratio is a paired comparison.
   */
  public double[][] stepMillis(ExperimentSpec specA, ExperimentSpec specB, int warmup, int steps) {
    ExperimentSpec[] specs = {specA, specB};
    int total = warmup + steps;
    long[][] nanos = new long[2][total];
    Semaphore[] turn = {new Semaphore(1), new Semaphore(0)};
    List<Session> sessions = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    RuntimeException[] failure = new RuntimeException[2];
    try {
      for (ExperimentSpec spec : specs) {
        sessions.add(new Session(plugins, spec));
        dirs.add(StepTimer.tempDir());
      }
      Thread[] threads = new Thread[2];
      for (int i = 0; i < 2; i++) {
        int me = i;
        Trainer trainer =
            Trainer.builder().setSession(sessions.get(me)).setRunDir(new RunDir(dirs.get(me)))
                .optQuiet(true).optKeepCheckpoints(1).optLoaderThreads(1)
                .optStepListener((step, ns, terms) -> {
                  if (step <= total) {
                    nanos[me][(int) step - 1] = ns;
                  }
                  turn[1 - me].release();
                  if (step < total) {
                    turn[me].acquireUninterruptibly();
                  }
                })
                .build();
        threads[me] = new Thread(() -> {
          try {
            // libtorch's grad mode is per thread and starts enabled in a new one; the engine turns
            // it off on the thread that started it, and the optimisers' in-place updates need it off
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
            turn[me].acquireUninterruptibly();
            trainer.fit();
          } catch (RuntimeException e) {
            failure[me] = e;
            turn[1 - me].release(total + 1); // never leave the other one waiting
          }
        }, "interleaved-" + me);
      }
      for (Thread t : threads) {
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      sessions.forEach(Session::close);
      dirs.forEach(StepTimer::deleteTree);
    }
    for (RuntimeException e : failure) {
      if (e != null) {
        throw e;
      }
    }
    double[][] ms = new double[2][steps];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < steps; k++) {
        ms[i][k] = nanos[i][warmup + k] / 1e6;
      }
    }
    return ms;
  }
}
