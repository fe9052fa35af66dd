package org.fga.bench.cli.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fga.core.error.FgaUserException;
import org.fga.core.evaluate.Overlay;
import org.fga.core.io.Npy;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.HostBatch;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fga data preview}: the training batches an experiment would draw, as pictures and arrays. */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = {
      "Draw the first training batches of an epoch exactly as fga train would (the sampler, the",
      "training pipeline, the per-sample seeds) and write them: grid.png (up to 64 images, the",
      "normalisation undone), images.npy (N x C x H x W, normalised as the network sees them),",
      "labels.npy and samples.txt. To look at the augmentation before a long run, or to compare",
      "it with another code base's. The model is not built from its weights. Never overwrites."
    })
public final class PreviewCommand implements Callable<Integer> {
  private static final int GRID_IMAGES = 64;
  private static final int GRID_COLUMNS = 8;

  @CommandLine.Spec CommandLine.Model.CommandSpec cli;

  @Parameters(paramLabel = "SPEC", description = "an experiment file")
  Path specFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder the files go to")
  Path out;

  @Option(names = "--epoch", defaultValue = "0", description = "the epoch whose batches are drawn (default ${DEFAULT-VALUE})")
  int epoch;

  @Option(names = "--batches", defaultValue = "2", description = "how many batches (default ${DEFAULT-VALUE})")
  int batches;

  @Option(names = {"-o", "--override"}, paramLabel = "KEY=VALUE", description = "change one key of the spec; repeatable")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (batches < 1 || epoch < 0) {
      throw new FgaUserException("--batches must be at least 1 and --epoch at least 0, got " + batches + " and " + epoch);
    }
    List<Path> files = List.of(out.resolve("grid.png"), out.resolve("images.npy"), out.resolve("labels.npy"),
        out.resolve("samples.txt"));
    RunDir.requireAbsent(files);
    Plugins plugins = Plugins.load();
    ExperimentSpec spec = new SpecReader(plugins).read(specFile, overrides);
    // the pixels need the backbone's normalisation, not its weights: nothing is pretrained or read
    spec = spec.withBackbone(spec.backbone().withWeights(null));
    List<HostBatch> drawn;
    float[] mean;
    float[] std;
    try (Session session = Session.restoring(plugins, spec)) {
      drawn = Trainer.builder().setSession(session).optQuiet(true).build().trainingBatches(epoch, batches);
      mean = session.backbone().cfg().mean();
      std = session.backbone().cfg().std();
    }
    if (drawn.isEmpty()) {
      throw new FgaUserException(specFile + ": its training split gives no batch to preview (an empty split?)");
    }
    int n = drawn.stream().mapToInt(HostBatch::size).sum();
    var first = drawn.get(0).samples().get(0).image();
    int c = first.channels();
    int h = first.height();
    int w = first.width();
    float[] images = new float[n * c * h * w];
    long[] labels = new long[n];
    List<String> ids = new ArrayList<>(n);
    int at = 0;
    for (HostBatch b : drawn) {
      System.arraycopy(b.images(), 0, images, at * c * h * w, b.size() * c * h * w);
      for (int i = 0; i < b.size(); i++) {
        labels[at + i] = b.labels()[i];
        ids.add(b.samples().get(i).id());
      }
      at += b.size();
    }
    Files.createDirectories(out);
    Overlay.write(grid(images, Math.min(n, GRID_IMAGES), c, h, w, mean, std), files.get(0));
    RunDir.writeAtomically(files.get(1), f -> Npy.writeFloat32(f, new int[] {n, c, h, w}, images));
    RunDir.writeAtomically(files.get(2), f -> Npy.writeInt64(f, new int[] {n}, labels));
    RunDir.writeAtomically(files.get(3), (String.join("\n", ids) + "\n").getBytes(StandardCharsets.UTF_8));
    ObjectNode result = plugins.json().createObjectNode();
    result.put("spec", specFile.toString());
    result.put("epoch", epoch);
    result.put("samples", n);
    result.set("shape", plugins.json().valueToTree(new int[] {c, h, w}));
    result.set("mean", plugins.json().valueToTree(mean));
    result.set("std", plugins.json().valueToTree(std));
    result.set("files", plugins.json().valueToTree(files.stream().map(Path::toString).toList()));
    cli.commandLine().getOut().println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    cli.commandLine().getOut().flush();
    return 0;
  }

  /** The first {@code count} images side by side, GRID_COLUMNS to a row, back in [0, 1]. */
  static BufferedImage grid(float[] images, int count, int c, int h, int w, float[] mean, float[] std) {
    int cols = Math.min(GRID_COLUMNS, count);
    int rows = (count + cols - 1) / cols;
    BufferedImage img = new BufferedImage(cols * (w + 2), rows * (h + 2), BufferedImage.TYPE_INT_RGB);
    for (int k = 0; k < count; k++) {
      int x0 = (k % cols) * (w + 2) + 1;
      int y0 = (k / cols) * (h + 2) + 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = 0;
          for (int ch = 0; ch < 3; ch++) {
            int src = Math.min(ch, c - 1); // a grey image is drawn grey
            float v = images[((k * c + src) * h + y) * w + x] * std[src] + mean[src];
            rgb = (rgb << 8) | Math.max(0, Math.min(255, Math.round(v * 255)));
          }
          img.setRGB(x0 + x, y0 + y, rgb);
        }
      }
    }
    return img;
  }
}
