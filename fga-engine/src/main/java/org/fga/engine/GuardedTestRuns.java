package org.fga.engine;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs the engine guard when a JUnit test JVM starts, found by JUnit through {@code
 * META-INF/services} wherever fga-core is on the test class path: every module of fga and any
 * plugin author's tests. Without it a test that builds a block directly (no {@code Session})
 * would compute with an unchecked engine, and an equivalence test would fail on an affected
 * machine for a reason that is not the code under test.
 */
public final class GuardedTestRuns implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    EngineGuard.ensure();
  }
}
