package org.fga.core.bench;

import java.util.concurrent.Callable;
import org.fga.core.plugin.Named;

/**
 * A benchmark plugin: {@code fga bench <name>} runs it. A method module ships the benchmark of its
 * method this way, beside the method, and nothing central lists it.
 */
public interface BenchProvider extends Named {
  /**
   * A fresh command object for one run: a class annotated with picocli's {@code @Command} whose
   * {@code @Option} fields {@code fga bench <name>} fills from the command line before calling it.
   * It returns the exit code, prints its figures as JSON on stdout, and throws {@link
   * org.fga.core.error.FgaUserException} for bad options. (Typed as a plain {@link Callable} so that
   * the core does not depend on picocli.)
   */
  Callable<Integer> newCommand();
}
