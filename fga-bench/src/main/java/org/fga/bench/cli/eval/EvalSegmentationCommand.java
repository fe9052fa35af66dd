package org.fga.bench.cli.eval;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.eval.segmentation.ConfusionMatrix;
import org.fga.eval.segmentation.MaskDirectories;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fga eval segmentation}. */
@Command(
    name = "segmentation",
    mixinStandardHelpOptions = true,
    description = {
      "Semantic segmentation over PNG masks matched by file name (palette index or grey value):",
      "{\"mIoU\", \"iouPerClass\", \"pixelAccuracy\", \"meanAccuracy\"}; a class absent from both is null."
    })
public final class EvalSegmentationCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pred", required = true, description = "directory of predicted PNG masks")
  Path pred;

  @Option(names = "--gt", required = true, description = "directory of ground-truth PNG masks")
  Path gt;

  @Option(names = "--num-classes", required = true, description = "number of classes (21 for VOC)")
  int numClasses;

  @Option(names = "--ignore", defaultValue = "255", description = "ground-truth value to ignore (default: ${DEFAULT-VALUE})")
  int ignore;

  @Override
  public Integer call() {
    ConfusionMatrix cm = MaskDirectories.evaluate(pred, gt, numClasses, ignore);
    JsonOut.print(spec.commandLine().getOut(), cm.toMap());
    return 0;
  }
}
