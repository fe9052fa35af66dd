package org.fga.bench.cli.eval;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.eval.io.ArrayFiles;
import org.fga.core.io.NdArray;
import org.fga.eval.io.Shapes;
import org.fga.eval.reid.FeatureDistance;
import org.fga.eval.retrieval.RetrievalEvaluator;
import org.fga.eval.retrieval.TieOrder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fga eval retrieval}. */
@Command(
    name = "retrieval",
    mixinStandardHelpOptions = true,
    description = "Leave-one-out retrieval: {\"top1\", \"top5\", \"mAP\"} (top-K hit rates; keys follow --k).")
public final class EvalRetrievalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--features", required = true, description = "N x D features")
  Path features;

  @Option(names = "--labels", required = true, description = "N class labels")
  Path labels;

  @Option(names = "--k", split = ",", defaultValue = "1,5", description = "K of the top-K hit rates (default: ${DEFAULT-VALUE})")
  int[] ks;

  @Option(names = "--metric", defaultValue = "cosine", description = "cosine|euclidean (default: ${DEFAULT-VALUE})")
  String metric;

  @Option(names = "--ties", defaultValue = "first",
      description = "first|last: which of two equally similar items ranks first, the earlier (numpy's stable"
          + " argsort) or the later (LCR's reversed argsort) (default: ${DEFAULT-VALUE})")
  String ties;

  @Override
  public Integer call() {
    NdArray f = ArrayFiles.read(features).requireRank(2);
    NdArray l = ArrayFiles.read(labels).requireRank(1);
    Shapes.requireSameLength(f, 0, l, 0);
    JsonOut.print(
        spec.commandLine().getOut(),
        RetrievalEvaluator.evaluate(f.toMatrix(), l.toInts(), FeatureDistance.parse(metric), ks, TieOrder.parse(ties)));
    return 0;
  }
}
