package org.fga.bench.cli.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fga.backbones.preprocess.EvalPreprocess;
import org.fga.backbones.preprocess.ImageFiles;
import org.fga.core.io.Npy;
import org.fga.core.io.NdArray;
import org.fga.core.backbone.BackboneProvider;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.fga.core.io.Mappers;

/**
 * {@code fga predict}: torchvision's evaluation transform, the backbone's classifier, top-k classes.
 * Results go to stderr as a table, or to stdout as JSON with {@code --json}.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Classify images with a backbone and its torchvision classifier head.",
      "Preprocessing is torchvision's: resize the shorter side (PIL bilinear with antialiasing,"
          + " bit-identical; an image already at the size is not resampled), centre crop,"
          + " normalise with the backbone's mean and std. JPEG decoding may differ from PIL's by a"
          + " level."
    })
public final class PredictCommand implements Callable<Integer> {
  private static final int BATCH = 8;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--backbone", required = true, description = "registered backbone, e.g. resnet50")
  String backbone;

  @Option(
      names = "--weights",
      required = true,
      description = "torchvision-named weights: .safetensors, .npz or a directory of .npy")
  Path weights;

  @Option(names = "--num-classes", defaultValue = "1000", description = "classes of the head (default ${DEFAULT-VALUE})")
  int numClasses;

  @Option(names = "--resize", defaultValue = "256", description = "shorter side before cropping, 0 for none (default ${DEFAULT-VALUE})")
  int resize;

  @Option(names = "--crop", defaultValue = "224", description = "centre crop side (default ${DEFAULT-VALUE})")
  int crop;

  @Option(names = "--topk", defaultValue = "5", description = "classes to print per image (default ${DEFAULT-VALUE})")
  int topk;

  @Option(names = "--dump-logits", paramLabel = "FILE", description = "write the N×C float32 logits as .npy")
  Path dumpLogits;

  @Option(names = "--json", description = "print JSON on stdout instead of a table on stderr")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG, JPEG, BMP or GIF files")
  List<Path> images;

  @Override
  public Integer call() throws IOException {
    validate();
    BackboneProvider provider = Plugins.load().backbones().get(backbone);
    float[][] logits;
    try (Classifier classifier = new Classifier(provider, weights, numClasses, crop)) {
      EvalPreprocess tf = EvalPreprocess.forBackbone(classifier.backbone().cfg(), resize, crop);
      logits = new float[images.size()][];
      for (int start = 0; start < images.size(); start += BATCH) {
        int n = Math.min(BATCH, images.size() - start);
        float[][] batch = new float[n][];
        for (int i = 0; i < n; i++) {
          batch[i] = tf.apply(ImageFiles.read(images.get(start + i)));
        }
        float[][] out = classifier.logits(batch, crop);
        System.arraycopy(out, 0, logits, start, n);
      }
    }
    if (dumpLogits != null) {
      writeLogits(logits);
    }
    List<TopK> tops = new ArrayList<>();
    for (float[] row : logits) {
      tops.add(TopK.of(row, topk));
    }
    if (json) {
      printJson(tops);
    } else {
      printTable(tops);
    }
    return 0;
  }

  private void validate() {
    if (numClasses < 1) {
      throw new FgaUserException("--num-classes must be at least 1, got " + numClasses);
    }
    if (crop < 1 || resize < 0) {
      throw new FgaUserException("--crop must be >= 1 and --resize >= 0 (0: no resizing)");
    }
    if (topk < 1 || topk > numClasses) {
      throw new FgaUserException("--topk must be between 1 and --num-classes (" + numClasses + "), got " + topk);
    }
  }

  private void writeLogits(float[][] logits) throws IOException {
    int c = logits[0].length;
    float[] flat = new float[logits.length * c];
    for (int i = 0; i < logits.length; i++) {
      System.arraycopy(logits[i], 0, flat, i * c, c);
    }
    Npy.write(dumpLogits, NdArray.ofFloats(dumpLogits.toString(), new int[] {logits.length, c}, flat));
  }

  private void printJson(List<TopK> tops) throws IOException {
    ObjectMapper mapper = Mappers.json().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("backbone", backbone);
    root.put("weights", weights.toString());
    root.put("numClasses", numClasses);
    root.put("resize", resize);
    root.put("crop", crop);
    if (dumpLogits != null) {
      root.put("logits", dumpLogits.toString());
    }
    ArrayNode preds = root.putArray("predictions");
    for (int i = 0; i < tops.size(); i++) {
      ObjectNode p = preds.addObject();
      p.put("image", images.get(i).toString());
      ArrayNode top = p.putArray("top");
      for (TopK.Entry e : tops.get(i).entries()) {
        top.addObject().put("class", e.classIndex()).put("score", e.score());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(mapper.writeValueAsString(root));
    out.flush();
  }

  private void printTable(List<TopK> tops) {
    PrintWriter err = spec.commandLine().getErr();
    for (int i = 0; i < tops.size(); i++) {
      err.println(images.get(i));
      int rank = 1;
      for (TopK.Entry e : tops.get(i).entries()) {
        err.printf(Locale.ROOT, "  %2d. class %5d  %.4f%n", rank++, e.classIndex(), e.score());
      }
    }
    if (dumpLogits != null) {
      err.println("logits (" + tops.size() + "x" + numClasses + " float32) written to " + dumpLogits);
    }
    err.flush();
  }
}
