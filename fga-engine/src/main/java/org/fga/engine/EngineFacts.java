package org.fga.engine;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine facts that change numbers, for {@code metrics.json} and {@code fga doctor}: libtorch
 * and oneDNN versions, the vector ISA each may use, whether the CPU reports its cache sizes (the
 * cause of the oneDNN fault the guard exists for), threads, and the guard's verdict. Results are
 * reproducible on the same machine with the same kernels; these say which machine and kernels.
 */
public final class EngineFacts {
  /** What cannot change while the process runs, read on the first {@link #collect()}. */
  private static Map<String, Object> fixed;

  private EngineFacts() {}

  /** The facts of this process; runs the guard if it has not run. */
  public static synchronized Map<String, Object> collect() {
    Verdict verdict = EngineGuard.ensure();
    Engine engine = Engine.getInstance();
    if (fixed == null) {
      fixed = fixedFacts(engine, EngineGuard.context());
    }
    Map<String, Object> m = new LinkedHashMap<>(fixed);
    if ("PyTorch".equals(engine.getEngineName())) { // threads can be changed at run time (fga bench)
      m.put("intraOpThreads", ai.djl.pytorch.jni.JniUtils.getNumThreads());
      m.put("interOpThreads", ai.djl.pytorch.jni.JniUtils.getNumInteropThreads());
    }
    m.put("nnpack", EngineGuard.nnpackAvailable() ? "available" : "unavailable on this CPU (turned off)");
    m.put("guard", verdict.toMap());
    return m;
  }

  private static Map<String, Object> fixedFacts(Engine engine, java.util.Optional<LibtorchContext> context) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", engine.getEngineName());
    m.put("libtorch", engine.getVersion());
    m.put("onednn", context.flatMap(LibtorchContext::onednnVersion).orElse("unknown"));
    m.put("atenIsa", context.flatMap(LibtorchContext::atenCapability).orElse("unknown"));
    m.put("onednnMaxIsa", System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "unset (best the CPU has)"));
    List<String> cpuinfo = cpuinfo();
    m.put("cpu", field(cpuinfo, "model name").orElse(System.getProperty("os.arch")));
    m.put("cpuVectorIsa", vectorIsa(field(cpuinfo, "flags").map(f -> List.of(f.split("\\s+"))).orElse(List.of())));
    m.put("cacheSizes", cacheSizes());
    return m;
  }

  /** The widest x86 vector extension the CPU announces, as oneDNN would pick it. */
  static String vectorIsa(List<String> flags) {
    if (flags.contains("avx512f") && flags.contains("avx512bw") && flags.contains("avx512vl")) {
      return flags.contains("avx512_vnni") ? "avx512_core_vnni" : "avx512_core";
    }
    if (flags.contains("avx2")) {
      return "avx2";
    }
    if (flags.contains("sse4_1")) {
      return "sse41";
    }
    return flags.isEmpty() ? "unknown" : "below sse41";
  }

  /**
   * The cache sizes the kernel read from CPUID ({@code /sys/devices/system/cpu/cpu0/cache}); "none
   * reported" is the condition under which libtorch 2.7.1's oneDNN was seen computing wrong
   * convolution gradients.
   */
  static String cacheSizes() {
    Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
    if (!Files.isDirectory(dir)) {
      return "none reported";
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> levels = Files.list(dir)) {
      for (Path p : levels.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
        String level = read(p.resolve("level"));
        String type = read(p.resolve("type"));
        String size = read(p.resolve("size"));
        out.add("L" + level + (type.startsWith("Data") ? "d" : type.startsWith("Instr") ? "i" : "") + " " + size);
      }
    } catch (IOException e) {
      return "unreadable";
    }
    return out.isEmpty() ? "none reported" : String.join(", ", out);
  }

  private static String read(Path p) throws IOException {
    return Files.isReadable(p) ? Files.readString(p).trim() : "?";
  }

  private static List<String> cpuinfo() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo"));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The first {@code key: value} line's value (the first CPU's). */
  private static java.util.Optional<String> field(List<String> cpuinfo, String key) {
    for (String line : cpuinfo) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
        return java.util.Optional.of(line.substring(colon + 1).trim());
      }
    }
    return java.util.Optional.empty();
  }

  /** One line per fact, for {@code fga doctor}. */
  public static List<String> lines(Map<String, Object> facts) {
    List<String> lines = new ArrayList<>();
    facts.forEach((k, v) -> lines.add(String.format(Locale.ROOT, "%-15s %s", k, v)));
    return lines;
  }
}
