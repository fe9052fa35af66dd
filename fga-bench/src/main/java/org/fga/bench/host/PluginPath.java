package org.fga.bench.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The plugins {@code ./fga} loads besides its own class path, and a one-line warning for each that
 * would otherwise be silently missing.
 *
 * <p>Why a class loader built at start-up rather than a list in a POM or a manifest: a method is a
 * module directory named {@code fga-methods-<name>} plus its {@code <module>} line in the root POM,
 * and nothing else may need editing. Maven cannot depend on "every module matching a pattern", so
 * the command line (fga-bench) depends on no method; it finds the methods the way a user drops in
 * a plugin: every {@code fga-methods-*} directory beside it (its {@code target/classes}, else its
 * jar, plus the jars listed in {@code target/runtime-classpath.txt}, written by the root POM for
 * every module), then each entry of {@code FGA_PLUGIN_PATH} (a {@code :}-list of jars and folders
 * of jars, for methods that live outside this repository). fga-bench's registry-wide tests load
 * the same way, so they cover exactly what {@code ./fga} runs.
 */
public final class PluginPath {
  /** The environment variable naming plugin jars and folders outside the source tree. */
  public static final String ENV = "FGA_PLUGIN_PATH";
  /** A system property that replaces {@link #ENV} (the launcher leaves it unset; tests set it). */
  public static final String PATH_PROPERTY = "fga.plugin.path";
  /** The source tree whose method modules are loaded; {@code ./fga} sets it to its own folder. */
  public static final String HOME_PROPERTY = "fga.home";
  /** Method modules are the directories of the source tree whose name starts with this. */
  public static final String MODULE_PREFIX = "fga-methods-";

  static final String SERVICES = "META-INF/services/org.fga.core.plugin.FgaModule";

  /** One place plugins come from: a method module, or one entry of {@code FGA_PLUGIN_PATH}. */
  public record Source(String label, List<Path> roots, List<Path> dependencies) {}

  private final List<Source> sources;
  private final List<String> warnings;

  private PluginPath(List<Source> sources, List<String> warnings) {
    this.sources = List.copyOf(sources);
    this.warnings = List.copyOf(warnings);
  }

  /** From {@code fga.home} (else the source tree around the working directory) and the path. */
  public static PluginPath fromEnvironment() {
    String home = System.getProperty(HOME_PROPERTY);
    String path = System.getProperty(PATH_PROPERTY, System.getenv(ENV));
    return of(home != null ? Path.of(home) : sourceTreeAround(Path.of("").toAbsolutePath()), path);
  }

  /**
   * The plugins of a source tree's method modules and of a {@code :}-separated plugin path.
   *
   * @param home the source tree (holding {@code fga-methods-*}), or null for none
   * @param pluginPath jars and folders separated by {@link java.io.File#pathSeparator}, or null
   */
  public static PluginPath of(Path home, String pluginPath) {
    List<Source> sources = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (home != null) {
      for (Path dir : methodModules(home)) {
        moduleSource(dir, sources, warnings);
      }
    }
    if (pluginPath != null && !pluginPath.isBlank()) {
      for (String element : pluginPath.split(java.io.File.pathSeparator)) {
        if (!element.isBlank()) {
          pathSource(Path.of(element.trim()), sources, warnings);
        }
      }
    }
    return new PluginPath(sources, warnings);
  }

  /** The {@code fga-methods-*} directories of a source tree, by name. */
  public static List<Path> methodModules(Path home) {
    try (Stream<Path> s = Files.list(home)) {
      return s.filter(Files::isDirectory)
          .filter(d -> d.getFileName().toString().startsWith(MODULE_PREFIX))
          .filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + home, e);
    }
  }

  private static void moduleSource(Path dir, List<Source> sources, List<String> warnings) {
    String label = dir.getFileName().toString();
    Path classes = dir.resolve("target/classes");
    List<Path> roots = Files.isDirectory(classes) ? List.of(classes) : jars(dir.resolve("target"), true);
    if (roots.isEmpty()) {
      warnings.add(label + " is not built (no target/classes or jar), so its plugins are not loaded;"
          + " build it: mvn -o -q -B -DskipTests package");
      return;
    }
    Source s = new Source(label, roots, dependencies(dir.resolve("target/runtime-classpath.txt")));
    sources.add(s);
    checkServices(s, warnings);
  }

  private static void pathSource(Path element, List<Source> sources, List<String> warnings) {
    String label = ENV + " entry " + element;
    List<Path> roots;
    if (Files.isRegularFile(element) && element.toString().endsWith(".jar")) {
      roots = List.of(element);
    } else if (Files.isDirectory(element)) {
      // a folder of plugin jars and their dependencies (also under lib/), or a classes folder
      roots = new ArrayList<>(jars(element, false));
      roots.addAll(jars(element.resolve("lib"), false));
      if (Files.isRegularFile(element.resolve(SERVICES))) {
        roots.add(0, element);
      }
    } else {
      warnings.add(label + " is neither a jar nor a folder; ignored");
      return;
    }
    Source s = new Source(label, roots, List.of());
    sources.add(s);
    checkServices(s, warnings);
  }

  /** A source none of whose roots lists an FgaModule contributes nothing: say so, in one line. */
  private static void checkServices(Source s, List<String> warnings) {
    if (s.roots().stream().noneMatch(PluginPath::hasServices)) {
      warnings.add(s.label() + " has no " + SERVICES + ", so none of its plugins is registered");
    }
  }

  static boolean hasServices(Path root) {
    if (Files.isDirectory(root)) {
      return Files.isRegularFile(root.resolve(SERVICES));
    }
    try (JarFile jar = new JarFile(root.toFile())) {
      return jar.getEntry(SERVICES) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Path> jars(Path dir, boolean skipSecondary) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(p -> !skipSecondary || !p.getFileName().toString().matches(".*-(tests|sources|javadoc)\\.jar"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static List<Path> dependencies(Path classpathFile) {
    if (!Files.isRegularFile(classpathFile)) {
      return List.of();
    }
    try {
      String text = Files.readString(classpathFile).trim();
      return text.isEmpty() ? List.of()
          : Stream.of(text.split(java.io.File.pathSeparator)).map(Path::of).filter(Files::exists).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + classpathFile, e);
    }
  }

  /** The nearest folder at or above {@code dir} that holds the fga root POM, or null. */
  static Path sourceTreeAround(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("fga-core")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    return null;
  }

  public List<Source> sources() {
    return sources;
  }

  /** One line each: a method module not built, a plugin entry without a services file, ... */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * A class loader over every source's roots and dependencies, parent first: classes the command
   * line already has (core, DJL, Jackson) stay the parent's, so plugins and host share them.
   */
  public ClassLoader classLoader(ClassLoader parent) {
    List<URL> urls = new ArrayList<>();
    for (Source s : sources) {
      for (Path p : s.roots()) {
        urls.add(url(p));
      }
      for (Path p : s.dependencies()) {
        urls.add(url(p));
      }
    }
    return urls.isEmpty() ? parent : new URLClassLoader("fga-plugins", urls.toArray(URL[]::new), parent);
  }

  private static URL url(Path p) {
    try {
      return p.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
