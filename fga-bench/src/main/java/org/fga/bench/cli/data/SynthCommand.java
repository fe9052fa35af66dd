package org.fga.bench.cli.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fga.bench.layout.Layout;
import org.fga.bench.layout.LayoutSummary;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.core.error.FgaUserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.fga.core.io.Mappers;

/** {@code fga data synth}: writes the synthetic data to disk in a real dataset's layout. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write the built-in synthetic data in a real dataset's on-disk layout.",
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
      description = "Held-out images, imagefolder only (default ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int valSize;

  @Option(
      names = "--test-size",
      description = "Test (gallery) images (default ${DEFAULT-VALUE}).",
      defaultValue = "100")
  int testSize;

  @Option(
      names = "--image-size",
      description = "Image side in pixels (default ${DEFAULT-VALUE}).",
      defaultValue = "64")
  int imageSize;

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
    long t0 = System.nanoTime();
    LayoutSummary s = l.write(cfg, out);
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
