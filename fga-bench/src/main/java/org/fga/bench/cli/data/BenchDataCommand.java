package org.fga.bench.cli.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.stream.IntStream;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.Split;
import org.fga.datasets.io.ImageFiles;
import org.fga.datasets.io.Images;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;
import org.fga.core.data.transform.RandomResizedCrop;
import org.fga.core.data.transform.Regions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.fga.core.io.Mappers;

/**
 * {@code fga bench data}: JPEG decode + training augmentation throughput on CUB-sized (500×375)
 * JPEGs, to 448 and 224 px random-resized crops with flips, on all cores; and, in the same run,
 * PIL's decode + crop-resize + flip + conversion to float on the same files with the same number of
 * worker processes. Target: at least 150 images/s at 448 px on 2 cores.
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "JPEG decode + augmentation throughput vs PIL (JSON on stdout).")
public final class BenchDataCommand implements Callable<Integer> {
  @Option(
      names = "--images",
      defaultValue = "200",
      description = "JPEGs to write and read (default ${DEFAULT-VALUE}).")
  int images;

  @Option(
      names = "--rounds",
      defaultValue = "2",
      description = "Passes over the files per measurement; the best counts.")
  int rounds;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "Python with PIL for the comparison.")
  String python;

  @Option(
      names = "--dir",
      description = "Folder for the JPEGs (default: a temporary folder, deleted after).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    boolean temp = dir == null;
    Path root = temp ? Files.createTempDirectory("fga-bench-data") : dir;
    try {
      List<Path> files = writeJpegs(root);
      int threads = Runtime.getRuntime().availableProcessors();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("benchmark", "data");
      json.put("images", files.size());
      json.put("imageWidth", 500);
      json.put("imageHeight", 375);
      json.put("threads", threads);
      SampleTransform identity = SampleTransform.identity();
      // warm the JIT on a few files before any measurement
      measure(
          files.subList(0, Math.min(20, files.size())), inception(448), 1);
      json.put("javaDecodeOnly", round(measure(files, identity, rounds)));
      double j448 = measure(files, inception(448), rounds);
      double j224 = measure(files, inception(224), rounds);
      json.put("java448", round(j448));
      json.put("java224", round(j224));
      Map<String, Double> pil = pil(root, threads);
      json.put("pil448", pil.get("448"));
      json.put("pil224", pil.get("224"));
      json.put("pilDecodeOnly", pil.get("decode"));
      System.err.printf(
          "fga: decode+augment images/s on %d threads: java 448px %.0f, 224px %.0f (decode only"
              + " %.0f); PIL 448px %s, 224px %s (decode only %s); target >= 150 at 448px%n",
          threads,
          j448,
          j224,
          (Double) json.get("javaDecodeOnly"),
          fmt(pil.get("448")),
          fmt(pil.get("224")),
          fmt(pil.get("decode")));
      System.out.println(
          Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(json));
      return 0;
    } finally {
      if (temp) {
        deleteTree(root);
      }
    }
  }

  /** CUB-sized JPEGs: synthetic scenes rendered at 500 px and cut to 500×375, quality 90. */
  private List<Path> writeJpegs(Path root) throws IOException {
    SyntheticDataset ds =
        new SyntheticDataset(
            SyntheticConfig.builder().optImageSize(500).optTrainSize(images).build(), Split.TRAIN);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      files.add(root.resolve(String.format("img_%05d.jpg", i)));
    }
    IntStream.range(0, images)
        .parallel()
        .forEach(
            i -> {
              Sample s = Regions.crop(ds.get(i), 0, 62, 500, 375, 375, 500);
              try {
                Images.writeJpeg(Images.toBuffered(s.image()), files.get(i), 0.9f);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    return files;
  }

  /** Best images/s over {@code rounds} parallel passes of decode + {@code t}. */
  private static double measure(List<Path> files, SampleTransform t, int rounds) {
    double best = 0;
    for (int r = 0; r < rounds; r++) {
      DoubleAdder sink = new DoubleAdder();
      long round = r;
      long t0 = System.nanoTime();
      IntStream.range(0, files.size())
          .parallel()
          .forEach(
              i -> {
                FloatImage img = ImageFiles.read(files.get(i));
                Sample s =
                    t.apply(
                        Sample.classification(files.get(i).toString(), img, 0),
                        new Random(i + 31L * round));
                sink.add(s.image().data()[0]);
              });
      double perSecond = files.size() / ((System.nanoTime() - t0) / 1e9);
      best = Math.max(best, perSecond);
    }
    return best;
  }

  /** Runs PIL on the same files with as many worker processes as we have threads. */
  private Map<String, Double> pil(Path root, int workers) throws IOException, InterruptedException {
    Map<String, Double> out = new LinkedHashMap<>();
    Path script = root.resolve("pil_bench.py");
    Files.writeString(script, PIL_SCRIPT, StandardCharsets.UTF_8);
    Process p;
    try {
      p =
          new ProcessBuilder(
                  python,
                  script.toString(),
                  root.toString(),
                  String.valueOf(workers),
                  String.valueOf(rounds))
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      System.err.println(
          "fga: PIL comparison skipped: cannot run " + python + " (" + e.getMessage() + ")");
      return out;
    }
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
      System.err.println("fga: PIL comparison failed: " + text.strip().replace('\n', ' '));
      return out;
    }
    for (String line : text.split("\n")) {
      String[] kv = line.strip().split("=");
      if (kv.length == 2) {
        out.put(kv[0], round(Double.parseDouble(kv[1])));
      }
    }
    return out;
  }

  /**
   * The PIL side: decode, convert to RGB, random-resized crop with bilinear resampling, flip, and
   * conversion to a float array in [0, 1] (what torchvision's ToTensor hands the model).
   */
  private static final String PIL_SCRIPT =
      String.join(
          "\n",
          "import sys, os, time, random, math",
          "from multiprocessing import Pool",
          "import numpy as np",
          "from PIL import Image",
          "def rrc(img, size, rnd):",
          "    w, h = img.size",
          "    area = w * h",
          "    for _ in range(10):",
          "        t = area * rnd.uniform(0.08, 1.0)",
          "        r = math.exp(rnd.uniform(math.log(3/4), math.log(4/3)))",
          "        cw = int(round(math.sqrt(t * r))); ch = int(round(math.sqrt(t / r)))",
          "        if 0 < cw <= w and 0 < ch <= h:",
          "            x = rnd.randint(0, w - cw); y = rnd.randint(0, h - ch)",
          "            return img.resize((size, size), Image.BILINEAR, box=(x, y, x + cw, y + ch))",
          "    return img.resize((size, size), Image.BILINEAR)",
          "def work(args):",
          "    path, size, seed = args",
          "    rnd = random.Random(seed)",
          "    img = Image.open(path).convert('RGB')",
          "    if size:",
          "        img = rrc(img, size, rnd)",
          "        if rnd.random() < 0.5:",
          "            img = img.transpose(Image.FLIP_LEFT_RIGHT)",
          "    a = np.asarray(img, dtype=np.float32) / 255.0",
          "    return float(a[0, 0, 0])",
          "if __name__ == '__main__':",
          "    root, workers, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])",
          "    files = sorted(os.path.join(root, f) for f in os.listdir(root) if"
              + " f.endswith('.jpg'))",
          "    with Pool(workers) as pool:",
          "        pool.map(work, [(f, 448, i) for i, f in enumerate(files[:20])])",
          "        for name, size in (('decode', 0), ('448', 448), ('224', 224)):",
          "            best = 0",
          "            for r in range(rounds):",
          "                t0 = time.perf_counter()",
          "                pool.map(work, [(f, size, i + 31 * r) for i, f in enumerate(files)],"
              + " chunksize=8)",
          "                best = max(best, len(files) / (time.perf_counter() - t0))",
          "            print('%s=%.1f' % (name, best))",
          "");

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String fmt(Double v) {
    return v == null ? "n/a" : String.format("%.0f", v);
  }

  private static void deleteTree(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** ImageNet-style training crop with a flip in the same pass, the case the figures are for. */
  private static SampleTransform inception(int size) {
    return RandomResizedCrop.builder(size, size).optFlip(0.5).build();
  }
}
