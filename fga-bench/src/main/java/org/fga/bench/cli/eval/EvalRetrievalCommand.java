package org.fga.bench.cli.eval;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.eval.io.ArrayFiles;
import org.fga.core.io.NdArray;
import org.fga.eval.io.Shapes;
import org.fga.eval.reid.FeatureDistance;
import org.fga.eval.retrieval.RetrievalEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fga eval retrieval}. */
@Command(
    name = "retrieval",
    mixinStandardHelpOptions = true,
    description = "Leave-one-out retrieval: {\"recall@1\", \"recall@5\", \"mAP\"} (keys follow --k).")
public final class EvalRetrievalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--features", required = true, description = "N x D features")
  Path features;

  @Option(names = "--labels", required = true, description = "N class labels")
  Path labels;

  @Option(names = "--k", split = ",", defaultValue = "1,5", description = "K of Recall@K (default: ${DEFAULT-VALUE})")
  int[] ks;

  @Option(names = "--metric", defaultValue = "cosine", description = "cosine|euclidean (default: ${DEFAULT-VALUE})")
  String metric;

  @Override
  public Integer call() {
    NdArray f = ArrayFiles.read(features).requireRank(2);
    NdArray l = ArrayFiles.read(labels).requireRank(1);
    Shapes.requireSameLength(f, 0, l, 0);
    JsonOut.print(
        spec.commandLine().getOut(),
        RetrievalEvaluator.evaluate(f.toMatrix(), l.toInts(), FeatureDistance.parse(metric), ks));
    return 0;
  }
}
