package org.fga.bench.cli.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.fga.core.data.Box;
import org.fga.core.data.Mask;
import org.fga.core.io.DType;
import org.fga.eval.io.LabelPng;
import org.fga.core.io.Npy;
import org.fga.eval.reid.DistanceRows;
import org.fga.eval.reid.ReidEvaluator;
import org.fga.eval.segmentation.ConfusionMatrix;
import org.fga.eval.segmentation.MaskDirectories;
import org.fga.eval.wsol.ScoreMaps;
import org.fga.eval.wsol.WsolCounts;
import org.fga.eval.wsol.WsolEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fga bench eval}: the three speed targets of fga-eval on synthetic data of the real sizes.
 * Only the metric is timed (input generation and PNG writing are not), except that the re-ID time
 * includes memory-mapping the distance matrix from a {@code .npy} file, as the CLI does.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Time WSOL (CUB-sized), re-ID (Market-sized) and mIoU (VOC-sized) evaluation; JSON on stdout.")
public final class BenchEvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--wsol-maps", defaultValue = "5794", description = "maps (default: ${DEFAULT-VALUE}, CUB test)")
  int wsolMaps;

  @Option(names = "--map-size", defaultValue = "224", description = "map side (default: ${DEFAULT-VALUE})")
  int mapSize;

  @Option(names = "--wsol-step", defaultValue = "0.001", description = "threshold step (default: ${DEFAULT-VALUE})")
  double wsolStep;

  @Option(names = "--reid-queries", defaultValue = "3368", description = "queries (default: ${DEFAULT-VALUE}, Market-1501)")
  int reidQueries;

  @Option(names = "--reid-gallery", defaultValue = "15913", description = "gallery (default: ${DEFAULT-VALUE})")
  int reidGallery;

  @Option(names = "--seg-pairs", defaultValue = "1449", description = "PNG pairs (default: ${DEFAULT-VALUE}, VOC val)")
  int segPairs;

  @Option(names = "--only", split = ",", description = "run only these of: wsol, reid, segmentation")
  List<String> only;

  @Option(names = "--seed", defaultValue = "0")
  long seed;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cores", Runtime.getRuntime().availableProcessors());
    if (wanted("wsol")) {
      out.put("wsol", wsol());
    }
    if (wanted("reid")) {
      out.put("reid", reid());
    }
    if (wanted("segmentation")) {
      out.put("segmentation", segmentation());
    }
    JsonOut.print(spec.commandLine().getOut(), out);
    return 0;
  }

  /**
   * Wall time and process CPU time over one or more timed sections. With other jobs on the machine
   * the wall time varies; cpuSeconds / cores is what the work costs on idle cores.
   */
  static final class Stopwatch {
    private long wall;
    private long cpu;
    private long wall0;
    private long cpu0;

    Stopwatch start() {
      wall0 = System.nanoTime();
      cpu0 = cpuNanos();
      return this;
    }

    void stop() {
      wall += System.nanoTime() - wall0;
      cpu += cpuNanos() - cpu0;
    }

    void putInto(Map<String, Object> res, double targetSeconds) {
      res.put("seconds", wall / 1e9);
      res.put("cpuSeconds", cpu / 1e9);
      res.put("targetSeconds", targetSeconds);
    }

    private static long cpuNanos() {
      java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
  }

  private boolean wanted(String what) {
    return only == null || only.contains(what);
  }

  private Map<String, Object> wsol() {
    int s = mapSize;
    WsolEvaluator ev = WsolEvaluator.builder().optStep(wsolStep).build();
    WsolCounts total = null;
    Stopwatch watch = new Stopwatch();
    int chunk = 256;
    for (int from = 0; from < wsolMaps; from += chunk) {
      int to = Math.min(wsolMaps, from + chunk);
      List<double[]> maps = new ArrayList<>();
      List<List<Box>> boxes = new ArrayList<>();
      for (int i = from; i < to; i++) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        maps.add(smoothMap(r, s));
        int x0 = r.nextInt(s / 2);
        int y0 = r.nextInt(s / 2);
        boxes.add(List.of(new Box(x0, y0, x0 + s / 4 + r.nextInt(s / 4), y0 + s / 4 + r.nextInt(s / 4))));
      }
      watch.start();
      WsolCounts c = ev.evaluate(ScoreMaps.of(maps, s, s), boxes, null);
      watch.stop();
      total = total == null ? c : total.merge(c);
    }
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("maps", wsolMaps);
    res.put("height", s);
    res.put("width", s);
    res.put("thresholds", ev.grid().size());
    watch.putInto(res, 30);
    res.put("result", WsolEvaluator.report(total, null, false, new int[] {30, 50, 70}));
    return res;
  }

  /** A smooth map: bilinear upsampling of a random 8×8 grid plus one Gaussian bump. */
  public static double[] smoothMap(SplittableRandom r, int s) {
    int g = 8;
    double[] grid = new double[g * g];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = r.nextDouble();
    }
    double cx = r.nextDouble() * s;
    double cy = r.nextDouble() * s;
    double sig = s * (0.05 + 0.15 * r.nextDouble());
    double[] m = new double[s * s];
    double[] gx = new double[s];
    for (int x = 0; x < s; x++) {
      gx[x] = Math.exp(-(x - cx) * (x - cx) / (2 * sig * sig));
    }
    for (int y = 0; y < s; y++) {
      double fy = (y + 0.5) * (g - 1) / s;
      int y0 = (int) fy;
      double wy = fy - y0;
      double gy = Math.exp(-(y - cy) * (y - cy) / (2 * sig * sig));
      for (int x = 0; x < s; x++) {
        double fx = (x + 0.5) * (g - 1) / s;
        int x0 = (int) fx;
        double wx = fx - x0;
        int x1 = Math.min(g - 1, x0 + 1);
        int y1 = Math.min(g - 1, y0 + 1);
        double v =
            (1 - wy) * ((1 - wx) * grid[y0 * g + x0] + wx * grid[y0 * g + x1])
                + wy * ((1 - wx) * grid[y1 * g + x0] + wx * grid[y1 * g + x1]);
        m[y * s + x] = 0.5 * v + 2 * gx[x] * gy;
      }
    }
    return m;
  }

  private Map<String, Object> reid() throws IOException {
    int q = reidQueries;
    int g = reidGallery;
    SplittableRandom r = new SplittableRandom(seed);
    // Market-1501 has 751 test identities, about 21 gallery images each.
    int ids = Math.max(1, Math.min(751, g / 21));
    int[] gid = new int[g];
    int[] gcam = new int[g];
    int[] qid = new int[q];
    int[] qcam = new int[q];
    for (int i = 0; i < g; i++) {
      gid[i] = r.nextInt(ids);
      gcam[i] = r.nextInt(6);
    }
    for (int i = 0; i < q; i++) {
      qid[i] = r.nextInt(ids);
      qcam[i] = r.nextInt(6);
    }
    Path tmp = Files.createTempFile("fga-bench-distmat", ".npy");
    try {
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(q * g * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < q; i++) {
        for (int j = 0; j < g; j++) {
          // Matches tend to be closer, so that mAP is neither 0 nor 1.
          bytes.putFloat((float) (r.nextDouble() - (gid[j] == qid[i] ? 0.3 : 0)));
        }
      }
      Npy.write(tmp, DType.F32, new int[] {q, g}, bytes.array());
      bytes = null;
      Stopwatch watch = new Stopwatch().start();
      ReidEvaluator ev = new ReidEvaluator(gid, gcam, 50).addAll(DistanceRows.of(Npy.read(tmp)), qid, qcam);
      Map<String, Object> result = ev.toMap();
      watch.stop();
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("queries", q);
      res.put("gallery", g);
      watch.putInto(res, 2);
      result.put("cmc", ((List<?>) result.get("cmc")).subList(0, Math.min(5, g)));
      res.put("result", result);
      return res;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Map<String, Object> segmentation() throws IOException {
    Path dir = Files.createTempDirectory("fga-bench-seg");
    Path gtDir = Files.createDirectories(dir.resolve("gt"));
    Path predDir = Files.createDirectories(dir.resolve("pred"));
    try {
      int w = 500;
      int h = 375;
      IntStream.range(0, segPairs)
          .parallel()
          .forEach(
              i -> {
                SplittableRandom r = new SplittableRandom(seed * 7919 + i);
                Mask gt = Mask.zeros(h, w);
                Mask pred = Mask.zeros(h, w);
                int objects = 1 + r.nextInt(3);
                for (int o = 0; o < objects; o++) {
                  int cls = 1 + r.nextInt(20);
                  int x0 = r.nextInt(w - 60);
                  int y0 = r.nextInt(h - 60);
                  int x1 = x0 + 40 + r.nextInt(w - x0 - 40);
                  int y1 = y0 + 40 + r.nextInt(h - y0 - 40);
                  int dx = r.nextInt(21) - 10;
                  int dy = r.nextInt(21) - 10;
                  int predCls = r.nextInt(10) == 0 ? 1 + r.nextInt(20) : cls;
                  for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                      boolean edge = y - y0 < 3 || y1 - y < 3 || x - x0 < 3 || x1 - x < 3;
                      gt.set(y, x, edge ? Mask.IGNORE : cls);
                      int py = Math.min(h - 1, Math.max(0, y + dy));
                      int px = Math.min(w - 1, Math.max(0, x + dx));
                      pred.set(py, px, predCls);
                    }
                  }
                }
                String name = String.format("%06d.png", i);
                try {
                  LabelPng.writePalette(gtDir.resolve(name), gt);
                  LabelPng.writePalette(predDir.resolve(name), pred);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      Stopwatch watch = new Stopwatch().start();
      ConfusionMatrix cm = MaskDirectories.evaluate(predDir, gtDir, 21, Mask.IGNORE);
      watch.stop();
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("pairs", segPairs);
      res.put("height", h);
      res.put("width", w);
      watch.putInto(res, 5);
      Map<String, Object> result = cm.toMap();
      result.remove("iouPerClass");
      res.put("result", result);
      return res;
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
