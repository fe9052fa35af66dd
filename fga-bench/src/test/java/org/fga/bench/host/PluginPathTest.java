package org.fga.bench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginPathTest {
  private static final Path SOURCE_TREE = Path.of("..").toAbsolutePath().normalize();

  @Test
  void noMethodModuleOfTheSourceTreeIsSilentlyMissing() throws IOException {
    // every fga-methods-* folder either registers methods with ./fga or is named in a warning;
    // one with real sources must register (a partial build such as -pl fga-bench -am fails here)
    PluginPath path = PluginPath.of(SOURCE_TREE, null);
    Plugins plugins = Plugins.load(path.classLoader(getClass().getClassLoader()));
    Set<Path> loadedFrom = plugins.modules().stream().map(PluginPathTest::codeSource).collect(Collectors.toSet());
    List<Path> modules = PluginPath.methodModules(SOURCE_TREE);
    assertThat(modules).isNotEmpty();
    for (Path module : modules) {
      String name = module.getFileName().toString();
      boolean loaded = loadedFrom.stream().anyMatch(p -> p.startsWith(module));
      boolean warned = path.warnings().stream().anyMatch(w -> w.startsWith(name + " "));
      assertThat(loaded || warned).as(name + " neither loaded nor warned about").isTrue();
      if (hasSources(module)) {
        assertThat(loaded).as(name + " has sources but registers nothing: " + path.warnings()).isTrue();
      }
    }
  }

  @Test
  void aModuleNotBuiltOrWithoutServicesFileIsOneWarningLine(@TempDir Path home) throws IOException {
    Files.createDirectories(home.resolve("fga-methods-unbuilt"));
    Files.writeString(home.resolve("fga-methods-unbuilt/pom.xml"), "<project/>");
    Files.createDirectories(home.resolve("fga-methods-noservices/target/classes/org/x"));
    Files.writeString(home.resolve("fga-methods-noservices/pom.xml"), "<project/>");
    Files.createDirectories(home.resolve("fga-other/target/classes"));
    PluginPath path = PluginPath.of(home, home.resolve("absent.jar").toString());
    assertThat(path.warnings()).containsExactly(
        "fga-methods-noservices has no META-INF/services/org.fga.core.plugin.FgaModule, so none of its"
            + " plugins is registered",
        "fga-methods-unbuilt is not built (no target/classes or jar), so its plugins are not loaded;"
            + " build it: mvn -o -q -B -DskipTests package",
        "FGA_PLUGIN_PATH entry " + home.resolve("absent.jar") + " is neither a jar nor a folder; ignored");
    assertThat(path.sources()).extracting(PluginPath.Source::label).containsExactly("fga-methods-noservices");
  }

  @Test
  void aPluginFolderAddsItsJarsAndTheirLibFolder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("lib"));
    Files.write(dir.resolve("a.jar"), new byte[0]);
    Files.write(dir.resolve("lib/dep.jar"), new byte[0]);
    Files.writeString(dir.resolve("notes.txt"), "");
    PluginPath path = PluginPath.of(null, dir.toString());
    assertThat(path.sources()).singleElement().satisfies(s ->
        assertThat(s.roots()).containsExactly(dir.resolve("a.jar"), dir.resolve("lib/dep.jar")));
    // neither jar lists an FgaModule: said once for the folder
    assertThat(path.warnings()).singleElement().asString().startsWith("FGA_PLUGIN_PATH entry " + dir + " has no");
  }

  private static Path codeSource(FgaModule m) {
    try {
      return Path.of(m.getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Java sources besides package-info: a module under way may have none yet. */
  private static boolean hasSources(Path module) throws IOException {
    Path src = module.resolve("src/main/java");
    if (!Files.isDirectory(src)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(src)) {
      return s.anyMatch(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"));
    }
  }
}
