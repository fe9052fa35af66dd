package org.fga.bench.cli.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fga.bench.layout.FashionLayouts;
import org.fga.bench.layout.Layout;
import org.fga.bench.layout.LayoutSummary;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.plugin.Plugins;
import org.fga.datasets.fashion.FashionMnistConfig;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.core.error.FgaUserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.fga.core.io.Mappers;

/**
 * {@code fga data synth}: writes the synthetic data, or the cluttered Fashion-MNIST canvases
 * ({@code --dataset fashion-mnist}), to disk in a real dataset's layout.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write the built-in synthetic data (or, with --dataset fashion-mnist, the cluttered",
      "Fashion-MNIST canvases) in a real dataset's on-disk layout.",
      "Prints a JSON summary (images per split) on stdout."
    })
public final class SynthCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      description = "Dataset root to write (created if missing).")
  Path out;

  @Option(
      names = "--layout",
      required = true,
      description = "cub, voc, market, imagefolder, imagenet, aircraft, nabirds, cars or dogs.")
  String layout;

  @Option(
      names = "--dataset",
      defaultValue = "synthetic",
      description = "synthetic (default) or fashion-mnist (layouts cub, wsol, voc, market; its data: keys with -o).")
  String dataset;

  @Option(
      names = {"-o", "--option"},
      paramLabel = "KEY=VALUE",
      description = "fashion-mnist: a key of its data: block, e.g. -o classes=[tops] -o"
          + " cluttered={clutter: 16} -o root=DIR (--train-size, --val-size, --test-size and --seed"
          + " set those keys; the cluttered recipe's defaults apply unless -o cluttered=... is given).")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(
      names = "--num-classes",
      description = "Classes (default ${DEFAULT-VALUE}).",
      defaultValue = "8")
  int numClasses;

  @Option(
      names = "--train-size",
      description = "Training images (default ${DEFAULT-VALUE}).",
      defaultValue = "200")
  int trainSize;

  @Option(
      names = "--val-size",
      description = "Held-out images, imagefolder only; fashion-mnist: 0 means as many as --test-size (default ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int valSize;

  @Option(
      names = "--test-size",
      description = "Test (gallery) images (default ${DEFAULT-VALUE}).",
      defaultValue = "100")
  int testSize;

  @Option(
      names = "--image-size",
      description = "Image side in pixels (default ${DEFAULT-VALUE}; fashion-mnist: its data block's 96).",
      defaultValue = "64")
  int imageSize;

  @Spec CommandSpec command;

  @Option(names = "--seed", description = "Seed (default ${DEFAULT-VALUE}).", defaultValue = "0")
  long seed;

  @Option(
      names = "--bias",
      description = "Background/class correlation in train, 0..1 (default ${DEFAULT-VALUE}).",
      defaultValue = "0")
  double bias;

  @Option(
      names = "--identities",
      description = "re-ID training identities (default ${DEFAULT-VALUE}).",
      defaultValue = "16")
  int identities;

  @Option(
      names = "--test-identities",
      description = "re-ID test identities (default ${DEFAULT-VALUE}).",
      defaultValue = "16")
  int testIdentities;

  @Option(
      names = "--cameras",
      description = "re-ID cameras (default ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int cameras;

  @Option(
      names = "--body-colours",
      description =
          "re-ID difficulty: body colours the identities share, 1..8 (fewer is harder), or 0 for"
              + " the old continuous hue (default ${DEFAULT-VALUE}).",
      defaultValue = "" + SyntheticConfig.DEFAULT_BODY_COLOURS)
  int bodyColours;

  @Option(
      names = "--size-jitter",
      defaultValue = "0",
      description = "Give each image its own height and width, each within ±this fraction of"
          + " --image-size (e.g. 0.3), as real datasets have (default 0: all square).")
  double sizeJitter;

  @Override
  public Integer call() throws Exception {
    if (dataset.equals("fashion-mnist")) {
      return report(FashionLayouts.write(layout, fashionConfig(), out));
    }
    if (!dataset.equals("synthetic")) {
      throw new FgaUserException("--dataset must be synthetic or fashion-mnist, got '" + dataset + "'");
    }
    if (!options.isEmpty()) {
      throw new FgaUserException("-o sets keys of fashion-mnist's data: block; the synthetic data takes the options listed by --help");
    }
    Layout l = Layout.named(layout);
    SyntheticConfig cfg;
    try {
      cfg =
          SyntheticConfig.builder()
              .optTask(l.task())
              .optNumClasses(numClasses)
              .optTrainSize(trainSize)
              .optValSize(valSize)
              .optTestSize(testSize)
              .optImageSize(imageSize)
              .optSeed(seed)
              .optBias(bias)
              .optIdentities(identities)
              .optTestIdentities(testIdentities)
              .optCameras(cameras)
              .optBodyColours(bodyColours)
              .optSizeJitter(sizeJitter)
              .build();
    } catch (IllegalArgumentException e) {
      throw new FgaUserException(e.getMessage().replace("data.", "option "), e);
    }
    return report(l.write(cfg, out));
  }

  private final long t0 = System.nanoTime();

  /**
   * The fashion-mnist data block: the layout's task, the sizes and seed of this command, then
   * every {@code -o}, read and checked as an experiment file's {@code data:} block is.
   */
  private FashionMnistConfig fashionConfig() {
    String l = layout.toLowerCase(java.util.Locale.ROOT);
    if (!FashionLayouts.NAMES.contains(l)) {
      throw new FgaUserException("fashion-mnist is written in the layouts " + String.join(", ", FashionLayouts.NAMES)
          + ", not '" + layout + "'");
    }
    layout = l;
    Plugins plugins = Plugins.load();
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "fashion-mnist");
    block.put("trainSize", trainSize);
    // the synthetic data's 0 means no held-out images; here 0 would mean one per held-out garment
    // (5000), so 0 asks for as many as the test split
    block.put("valSize", valSize == 0 ? testSize : valSize);
    block.put("testSize", testSize);
    block.put("seed", seed);
    block.put("cluttered", l.equals("voc") ? Map.of("maxObjects", 2) : Map.of());
    // --image-size is the synthetic data's with its default 64; fashion-mnist's default (96) stays
    // unless the option is given, and given it is used, never silently dropped
    boolean sizeGiven = command != null && command.commandLine().getParseResult().hasMatchedOption("--image-size");
    if (sizeGiven) {
      block.put("imageSize", imageSize);
      if (options.containsKey("imageSize") && !sameNumber(options.get("imageSize"), imageSize)) {
        throw new FgaUserException("--image-size " + imageSize + " and -o imageSize=" + options.get("imageSize")
            + " disagree; give one of them");
      }
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      try {
        // YAML values, as in an experiment file: 96 is a number, [tops] a list
        block.put(e.getKey(), plugins.yaml().readValue(e.getValue(), Object.class));
      } catch (java.io.IOException ex) {
        throw new FgaUserException("option " + e.getKey() + ": cannot read value '" + e.getValue() + "'");
      }
    }
    block.put("task", FashionLayouts.taskOf(l, String.valueOf(block.get("task"))));
    if (block.get("cluttered") == null) {
      throw new FgaUserException("fashion-mnist is written as cluttered canvases; -o cluttered=null leaves none");
    }
    try {
      return (FashionMnistConfig) plugins.json().convertValue(block, DataConfig.class);
    } catch (IllegalArgumentException ex) {
      Throwable c = ex;
      while (c.getCause() != null) {
        c = c.getCause();
      }
      throw new FgaUserException("fashion-mnist data: " + c.getMessage().split("\n")[0]);
    }
  }

  /** Whether an {@code -o} value, read as YAML as the block reads it (96, 96.0), is {@code n}. */
  private static boolean sameNumber(String yaml, int n) {
    try {
      Object v = org.fga.core.io.Mappers.yaml().readValue(yaml, Object.class);
      return v instanceof Number x && x.doubleValue() == n;
    } catch (java.io.IOException e) {
      return false; // the block's own reading reports the bad value
    }
  }

  private Integer report(LayoutSummary s) throws java.io.IOException {
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.err.printf(
        "fga: wrote %d images in the %s layout to %s in %.1f s%n",
        s.total(), s.layout(), s.root(), seconds);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("layout", s.layout());
    json.put("root", s.root().toAbsolutePath().toString());
    json.put("classes", s.classes());
    json.put("images", new java.util.TreeMap<>(s.images()));
    json.put("seconds", Math.round(seconds * 100) / 100.0);
    System.out.println(
        Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    return 0;
  }
}
