package org.fga.bench.layering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering ARCHITECTURE.md states, checked on the compiled main classes of every module of the
 * source tree (this module's tests run last in the reactor, so all of them are built): which module
 * may refer to which, and inside fga-core which package layer may refer to which. Maven's
 * dependency lists enforce only what a POM says, and a POM can gain a dependency; this test is the
 * statement itself. A module or core package that is in neither table fails the test, so a new one
 * is placed deliberately.
 */
class LayeringTest {
  /**
   * Module → the modules its main classes may refer to (ARCHITECTURE.md, "Modules"). Modules that
   * build networks may use fga-engine: their convolutions are its {@code RoutedConv}.
   */
  static final Map<String, Set<String>> MAY_USE = Map.of(
      "fga-engine", Set.of(),
      "fga-core", Set.of("fga-engine"),
      "fga-datasets", Set.of("fga-core"),
      "fga-backbones", Set.of("fga-engine", "fga-core"),
      "fga-eval", Set.of("fga-core"),
      "fga-perf", Set.of("fga-core"),
      "fga-testkit", Set.of("fga-engine", "fga-core", "fga-backbones", "fga-datasets"),
      "fga-methods-*", Set.of("fga-engine", "fga-core", "fga-backbones", "fga-perf"),
      "fga-bench", Set.of("fga-engine", "fga-core", "fga-datasets", "fga-backbones", "fga-eval", "fga-perf"));

  /**
   * fga-core's packages, bottom layer first (ARCHITECTURE.md, "Inside fga-core"): a package may
   * refer to its own layer and those below; within a layer the packages must not form a cycle.
   */
  static final List<Set<String>> CORE_LAYERS = List.of(
      Set.of("error", "io", "naming", "data"),
      Set.of("data.transform", "data.sampling", "data.pipeline", "data.pipeline.steps", "data.provider",
          "rundir", "backbone", "method", "metric", "bench", "nn", "ssl"),
      Set.of("plugin"),
      Set.of("data.pipeline.builtin", "baseline", "spec"),
      Set.of("train.optim", "train"),
      Set.of("probe", "evaluate"),
      Set.of("run"));

  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** Module name → its main classes' binary names → the fga classes each refers to. */
  static final Map<String, Map<String, Set<String>>> MODULES = new TreeMap<>();

  @BeforeAll
  static void readEveryModule() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("fga-")).sorted().toList()) {
        if (Files.isDirectory(dir.resolve("src/main/java"))) {
          MODULES.put(dir.getFileName().toString(), classesOf(dir.resolve("target/classes")));
        }
      }
    }
    assertThat(MODULES).as("modules under %s", ROOT).containsKeys("fga-core", "fga-datasets", "fga-bench");
  }

  @Test
  void everyModuleRefersOnlyToTheModulesItMayUse() {
    Map<String, String> owner = new HashMap<>();
    MODULES.forEach((module, classes) -> classes.keySet().forEach(c -> owner.put(c, module)));
    List<String> violations = new ArrayList<>();
    MODULES.forEach((module, classes) -> {
      Set<String> allowed = mayUse(module);
      classes.forEach((cls, refs) -> refs.stream()
          .filter(owner::containsKey)
          .filter(ref -> !owner.get(ref).equals(module) && !allowed.contains(owner.get(ref)))
          .forEach(ref -> violations.add(module + ": " + cls + " -> " + ref + " (" + owner.get(ref) + ")")));
    });
    assertThat(violations).as("references across modules that ARCHITECTURE.md forbids").isEmpty();
  }

  @Test
  void fgaCorePackagesReferOnlyToTheirOwnOrLowerLayers() {
    Map<String, Set<String>> packageRefs = corePackageRefs();
    List<String> violations = new ArrayList<>();
    packageRefs.forEach((pkg, refs) -> {
      int layer = layerOf(pkg);
      refs.stream().filter(ref -> layerOf(ref) > layer)
          .forEach(ref -> violations.add(pkg + " (layer " + layer + ") -> " + ref + " (layer " + layerOf(ref) + ")"));
    });
    assertThat(violations).as("fga-core packages that refer upwards").isEmpty();
  }

  @Test
  void fgaCorePackagesFormNoCycle() {
    Map<String, Set<String>> refs = corePackageRefs();
    Set<String> finished = new TreeSet<>();
    for (String start : refs.keySet()) {
      assertThat(cycleFrom(start, refs, new ArrayList<>(), finished)).as("a cycle of fga-core packages").isNull();
    }
  }

  /** A package's fga-core references to other fga-core packages, by short name ({@code data.pipeline}). */
  private static Map<String, Set<String>> corePackageRefs() {
    Map<String, Set<String>> out = new TreeMap<>();
    MODULES.get("fga-core").forEach((cls, refs) -> {
      String pkg = shortPackage(cls);
      Set<String> to = out.computeIfAbsent(pkg, k -> new TreeSet<>());
      refs.stream().filter(r -> r.startsWith("org.fga.core.")).map(LayeringTest::shortPackage)
          .filter(p -> !p.equals(pkg)).forEach(to::add);
    });
    return out;
  }

  private static String shortPackage(String cls) {
    String pkg = ClassRefs.packageOf(cls);
    return pkg.equals("org.fga.core") ? "(root)" : pkg.substring("org.fga.core.".length());
  }

  private static int layerOf(String pkg) {
    for (int i = 0; i < CORE_LAYERS.size(); i++) {
      if (CORE_LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    throw new AssertionError("fga-core package '" + pkg + "' is in no layer: add it to ARCHITECTURE.md's"
        + " \"Inside fga-core\" and to LayeringTest.CORE_LAYERS");
  }

  private static Set<String> mayUse(String module) {
    Set<String> allowed = MAY_USE.get(module.startsWith("fga-methods-") ? "fga-methods-*" : module);
    if (allowed == null) {
      throw new AssertionError("module '" + module + "' has no row in LayeringTest.MAY_USE: state what it"
          + " may use there and in ARCHITECTURE.md's module table");
    }
    return allowed;
  }

  /**
   * Depth-first search: a reference back to a package on the current path closes a cycle, returned
   * as that part of the path; a package whose references were all explored has none through it.
   */
  private static List<String> cycleFrom(String at, Map<String, Set<String>> refs, List<String> path,
      Set<String> finished) {
    int onPath = path.indexOf(at);
    if (onPath >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
      cycle.add(at);
      return cycle;
    }
    if (finished.contains(at)) {
      return null;
    }
    path.add(at);
    for (String next : refs.getOrDefault(at, Set.of())) {
      List<String> found = cycleFrom(next, refs, path, finished);
      if (found != null) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    finished.add(at);
    return null;
  }

  private static Map<String, Set<String>> classesOf(Path classes) throws IOException {
    assertThat(classes).as("compiled classes (build the module first)").isDirectory();
    Map<String, Set<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      // a package-info holds a package's javadoc and annotations, no code
      files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("package-info.class")).forEach(f -> {
        String rel = classes.relativize(f).toString();
        String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
        try {
          out.put(name, ClassRefs.of(f));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return out;
  }
}
