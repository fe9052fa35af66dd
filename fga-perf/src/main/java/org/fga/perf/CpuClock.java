package org.fga.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * CPU nanoseconds spent on the kernels. With one libtorch thread every kernel runs on the calling
 * thread, whose CPU clock has nanosecond resolution; with more, the process's CPU time is the only
 * total (10 ms resolution on Linux, and it counts idle spinning of the thread pool).
 */
public final class CpuClock {
  private CpuClock() {}

  public static LongSupplier of(int libtorchThreads) {
    if (libtorchThreads == 1) {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      return threads::getCurrentThreadCpuTime;
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os::getProcessCpuTime;
  }
}
