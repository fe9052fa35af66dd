package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./fga} launcher's rebuild check, on a copy of the script in a stand-in source tree
 * with a {@code mvn} and a {@code java} that only record that they ran: the real build is what
 * {@code mvn verify} itself does, the launcher's part is deciding when to call it.
 */
class LauncherTest {
  @Test
  void aChangedMethodModuleRebuildsOnceAndThenNotAgain(@TempDir Path root) throws Exception {
    Files.copy(Path.of("..", "fga"), root.resolve("fga"));
    Path jar = Files.createDirectories(root.resolve("fga-bench/target")).resolve("fga.jar");
    Files.writeString(jar, "");
    Path source = Files.createDirectories(root.resolve("fga-methods-x/src/main/java")).resolve("X.java");
    Files.writeString(source, "class X {}");
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Path bin = Files.createDirectories(root.resolve("bin"));
    // a Maven that, like a build of one method module, leaves fga.jar untouched, and that colours
    script(bin.resolve("mvn"), "echo \"$*\" >> \"" + root.resolve("mvn.log") + "\"; printf '\\033[0m\\033[1mbuilt\\033[0m\\n'");
    script(bin.resolve("java"), "echo java ran");
    Instant now = Instant.now();
    touch(jar, now.minusSeconds(100));
    touch(source, now.minusSeconds(200));
    touch(root.resolve("pom.xml"), now.minusSeconds(200));

    String first = fga(root, bin); // no stamp yet (a checkout built by an earlier fga): one build
    assertThat(first).contains("java ran").contains("built").doesNotContain("\u001b");
    assertThat(builds(root)).isEqualTo(1);
    assertThat(fga(root, bin)).contains("java ran");
    assertThat(builds(root)).isEqualTo(1);

    Thread.sleep(20);
    touch(source, Instant.now()); // a method module changed after the last build
    assertThat(fga(root, bin)).contains("building the command line");
    assertThat(builds(root)).isEqualTo(2);
    assertThat(fga(root, bin)).doesNotContain("building the command line").contains("java ran");
    assertThat(fga(root, bin)).doesNotContain("building the command line");
    assertThat(builds(root)).isEqualTo(2); // fga.jar is still older than the source: no loop
  }

  private static void script(Path file, String body) throws Exception {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void touch(Path file, Instant t) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(t));
  }

  private static long builds(Path root) throws Exception {
    Path log = root.resolve("mvn.log");
    return Files.exists(log) ? Files.readAllLines(log).size() : 0;
  }

  private static String fga(Path root, Path bin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("fga").toString()).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
