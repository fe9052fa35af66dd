package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.fga.bench.host.PluginPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/adding-a-method.md} (the README links it), followed to the letter: every file it prints is
 * written to a throwaway module in a temporary folder, compiled against this build, packed into a
 * jar, and loaded by a separate {@code fga} process through {@code FGA_PLUGIN_PATH}, which must list
 * the method and train it. A step missing from the page, or code in it that no longer compiles
 * against the plugin contract, fails here.
 */
class AddAMethodReadmeTest {
  static final Path PAGE = Path.of("..", "docs", "adding-a-method.md");
  private static final Pattern BLOCK =
      Pattern.compile("```(?:java|xml|text)\\n(?://|<!--|#) file: (\\S+)(?: -->)?\\n(.*?)```", Pattern.DOTALL);

  /** The files the page prints, by path, in order. */
  static Map<String, String> readmeFiles() throws IOException {
    String section = Files.readString(PAGE);
    Map<String, String> files = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(section);
    while (m.find()) {
      files.put(m.group(1), m.group(2));
    }
    return files;
  }

  @Test
  void theReadmesStepsGiveAModuleThatFgaListsAndTrainsFromThePluginPath(@TempDir Path dir) throws Exception {
    Map<String, String> files = readmeFiles();
    assertThat(files.keySet())
        .as("the page prints the POM, the Java sources and the services file")
        .contains("fga-methods-hideseek/pom.xml",
            "fga-methods-hideseek/src/main/resources/META-INF/services/org.fga.core.plugin.FgaModule")
        .anyMatch(f -> f.endsWith("Provider.java"))
        .anyMatch(f -> f.endsWith("Module.java"));
    assertThat(Files.readString(PAGE)).contains("<module>fga-methods-hideseek</module>");
    assertThat(files.get("fga-methods-hideseek/pom.xml"))
        .contains("<artifactId>fga-methods-hideseek</artifactId>")
        .contains("<artifactId>fga-core</artifactId>");
    for (var f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    Path module = dir.resolve("fga-methods-hideseek");
    Path jar = build(module, dir.resolve("hideseek.jar"));
    assertThat(files.keySet()).as("the page's contract test step").anyMatch(f -> f.endsWith("ContractTest.java"));
    Path testClasses = Files.createDirectories(module.resolve("target/test-classes"));
    compile(module.resolve("src/test/java"), testClasses,
        module.resolve("target/classes") + java.io.File.pathSeparator + System.getProperty("java.class.path"));
    assertContractTestPasses(module.resolve("target/classes"), testClasses);

    Path work = Files.createDirectories(dir.resolve("work"));
    Process list = fga(work, jar, "list");
    String listed = output(list);
    assertThat(list.exitValue()).as(listed).isZero();
    assertThat(listed).containsPattern("(?m)^\\s*hideseek\\s+Hide-and-Seek");
    assertThat(listed).doesNotContain("warning");

    Files.writeString(work.resolve("hs.yaml"), """
        name: hs
        method: {type: hideseek, grid: 2}
        backbone: {arch: resnet18, width: 4}
        data: {type: noise, imageSize: 32, size: 8, numClasses: 4}
        schedule: {epochs: 1, batchSize: 4, lr: 0.01}
        eval: {metrics: [accuracy]}
        """);
    Process train = fga(work, jar, "train", "hs.yaml");
    String trained = output(train);
    assertThat(train.exitValue()).as(trained).isZero();
    assertThat(work.resolve("runs/hs/metrics.json")).exists();
    assertThat(Files.readString(work.resolve("runs/hs/spec.resolved.yaml"))).contains("type: \"hideseek\"");
  }

  @Test
  void aConfigRecordWithoutItsNameStopsStartUpInOneLine(@TempDir Path dir) throws Exception {
    // the page's module with the one place its name is written left out
    Map<String, String> files = readmeFiles();
    for (var f : files.entrySet()) {
      if (f.getKey().endsWith(".java") && !f.getKey().contains("/src/test/")) {
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue().replace("@JsonTypeName(\"hideseek\")\n", ""));
      } else if (f.getKey().contains("META-INF")) {
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue());
      }
    }
    Path jar = build(dir.resolve("fga-methods-hideseek"), dir.resolve("nameless.jar"));
    Path work = Files.createDirectories(dir.resolve("work"));
    Process list = fga(work, jar, "list");
    String out = output(list);
    assertThat(list.exitValue()).as(out).isEqualTo(1);
    assertThat(out.strip()).isEqualTo("fga: plugin error: org.example.hideseek.HideSeekConfig needs"
        + " @JsonTypeName(\"<name>\"): the name experiment files select it by");
  }

  /** Compiles {@code module}'s sources against this build and packs classes and resources. */
  private static Path build(Path module, Path jar) throws IOException {
    Path classes = Files.createDirectories(module.resolve("target/classes"));
    compile(module.resolve("src/main/java"), classes, System.getProperty("java.class.path"));
    Path resources = module.resolve("src/main/resources");
    try (Stream<Path> s = Files.walk(resources)) { // as Maven's process-resources
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Path to = classes.resolve(resources.relativize(p).toString());
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, new Manifest())) {
      for (Path root : List.of(classes)) {
        try (Stream<Path> s = Files.walk(root)) {
          for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
            j.putNextEntry(new java.util.jar.JarEntry(root.relativize(p).toString().replace('\\', '/')));
            j.write(Files.readAllBytes(p));
            j.closeEntry();
          }
        }
      }
    }
    return jar;
  }

  /**
   * Runs the page's contract test class in this JVM, as Surefire would in the new module: its
   * classes and test classes in a class loader of their own, which is also the one {@code
   * Plugins.load()} sees. Every case must pass, and there must be some.
   */
  private static void assertContractTestPasses(Path classes, Path testClasses) throws Exception {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
        new java.net.URL[] {classes.toUri().toURL(), testClasses.toUri().toURL()}, AddAMethodReadmeTest.class.getClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> test = loader.loadClass("org.example.hideseek.HideSeekContractTest");
      var summary = new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
      // without this module's listener, which would swap in the source tree's plugins
      var launcher = org.junit.platform.launcher.core.LauncherFactory.create(
          org.junit.platform.launcher.core.LauncherConfig.builder()
              .enableLauncherSessionListenerAutoRegistration(false).build());
      launcher.execute(org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
          .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(test)).build(), summary);
      var result = summary.getSummary();
      java.io.StringWriter failures = new java.io.StringWriter();
      result.printFailuresTo(new java.io.PrintWriter(failures), 5);
      assertThat(result.getTotalFailureCount()).as(failures.toString()).isZero();
      assertThat(result.getTestsSucceededCount()).as("contract cases run").isEqualTo(5);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** javac of every source under {@code sources} into {@code classes} (the test kit is on this class path). */
  private static void compile(Path sources, Path classes, String classPath) throws IOException {
    List<String> args = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(), "-classpath", classPath));
    try (Stream<Path> s = Files.walk(sources)) {
      s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac of the page's " + sources).isZero();
  }

  /** {@code fga ARGS} in a fresh JVM whose only extra plugin is {@code jar}, via FGA_PLUGIN_PATH. */
  private static Process fga(Path work, Path jar, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", System.getProperty("java.class.path"),
        // a home without method modules: the jar is the only way in
        "-D" + PluginPath.HOME_PROPERTY + "=" + work,
        "org.fga.bench.cli.FgaMain"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
    pb.environment().put(PluginPath.ENV, jar.toString());
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().put("OPT_OUT_TRACKING", "true");
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }

  private static String output(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
