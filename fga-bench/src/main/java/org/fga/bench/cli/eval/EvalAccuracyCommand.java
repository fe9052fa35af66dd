package org.fga.bench.cli.eval;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.eval.classification.Accuracy;
import org.fga.eval.io.ArrayFiles;
import org.fga.core.io.NdArray;
import org.fga.eval.io.Shapes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fga eval accuracy}. */
@Command(
    name = "accuracy",
    mixinStandardHelpOptions = true,
    description = "Top-k and mean-class accuracy: {\"top1\", \"top5\", \"meanClassAccuracy\"}.")
public final class EvalAccuracyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scores", required = true, description = "N x C class scores (.npy or .csv)")
  Path scores;

  @Option(names = "--labels", required = true, description = "N true labels in [0, C)")
  Path labels;

  @Option(names = "--topk", split = ",", defaultValue = "1,5", description = "k values (default: ${DEFAULT-VALUE})")
  int[] topk;

  @Override
  public Integer call() {
    NdArray s = ArrayFiles.read(scores).requireRank(2);
    NdArray l = ArrayFiles.read(labels).requireRank(1);
    Shapes.requireSameLength(s, 0, l, 0);
    int[] y = l.toInts();
    Accuracy acc = new Accuracy(s.dim(1), topk);
    for (int i = 0; i < y.length; i++) {
      acc.add(s.row(i), y[i]);
    }
    JsonOut.print(spec.commandLine().getOut(), acc.toMap());
    return 0;
  }
}
