package org.fga.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real fault, on any AMD machine whose CPU can fault on CPUID: a child JVM runs with {@code
 * src/test/c/cpuid_no_cache.c} preloaded, so its CPU reports no cache sizes as the affected VMs'
 * does. There oneDNN must be wrong on the guard's check (else the emulation, or libtorch's oneDNN,
 * changed), the guard must route and be right, and every aligned shape of a sweep must be right on
 * oneDNN itself: the premise of the route. Skipped, with the reason, without gcc, an AMD CPU or
 * the CPU flag (the shim hides AMD's cache leaf; Intel's is another).
 */
class EmulatedFaultTest {

  @Test
  void onACpuThatReportsNoCachesTheGuardRoutesAndAlignedShapesStayRight() throws Exception {
    String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
    assumeTrue(cpuinfo.contains("AuthenticAMD"), "not an AMD CPU: the shim hides AMD's cache leaf only");
    assumeTrue(cpuinfo.contains(" cpuid_fault"), "this CPU cannot fault on CPUID (no cpuid_fault in /proc/cpuinfo)");
    Path lib = Path.of("target", "cpuid-no-cache", "libcpuid_no_cache.so").toAbsolutePath();
    Files.createDirectories(lib.getParent());
    assumeTrue(run(List.of("gcc", "-O2", "-shared", "-fPIC", "-o", lib.toString(),
        Path.of("src", "test", "c", "cpuid_no_cache.c").toAbsolutePath().toString()), null).exit == 0,
        "no gcc to build the CPUID shim");
    Result child = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EmulatedFaultProbe.class.getName()), lib);
    assertThat(child.exit).as(child.output).isZero();
    assertThat(child.output).as("oneDNN is wrong there, and the route is right")
        .contains("status ROUTED").doesNotContain("onednnWrong 0");
    assertThat(child.output).as("aligned shapes on oneDNN").doesNotContain("wrongAligned")
        .contains("sweep " + EmulatedFaultProbe.alignedSweep().size());
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Path preload) throws IOException, InterruptedException {
    Path log = Files.createTempFile("emulated-fault", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().put("OPT_OUT_TRACKING", "true");
    pb.environment().remove(EngineGuard.PATH_ENV);
    if (preload != null) {
      pb.environment().put("LD_PRELOAD", preload.toString());
    } else {
      pb.environment().remove("LD_PRELOAD"); // gcc itself runs on the real CPU
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    }
    boolean finished = p.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      p.destroyForcibly().waitFor();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(finished ? p.exitValue() : -1, finished ? out : "timed out after 5 minutes:\n" + out);
  }
}
