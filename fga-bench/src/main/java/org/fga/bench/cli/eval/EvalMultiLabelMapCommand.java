package org.fga.bench.cli.eval;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.core.error.FgaUserException;
import org.fga.eval.classification.MultiLabelMap;
import org.fga.eval.io.ArrayFiles;
import org.fga.core.io.NdArray;
import org.fga.eval.io.Shapes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fga eval multilabel-map}. */
@Command(
    name = "multilabel-map",
    mixinStandardHelpOptions = true,
    description = "Multi-label mAP: {\"mAP\", \"apPerClass\"}; classes without positives are null and left out.")
public final class EvalMultiLabelMapCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scores", required = true, description = "N x C scores (.npy or .csv)")
  Path scores;

  @Option(names = "--targets", required = true, description = "N x C targets, 0 or 1")
  Path targets;

  @Option(names = "--voc07", description = "PASCAL VOC 2007 11-point interpolated AP instead of sklearn's")
  boolean voc07;

  @Override
  public Integer call() {
    NdArray s = ArrayFiles.read(scores).requireRank(2);
    NdArray t = ArrayFiles.read(targets).requireRank(2);
    Shapes.requireSameShape(s, t);
    int c = s.dim(1);
    MultiLabelMap map = new MultiLabelMap(c, voc07);
    for (int i = 0; i < s.dim(0); i++) {
      double[] row = t.row(i);
      boolean[] pos = new boolean[c];
      for (int j = 0; j < c; j++) {
        if (row[j] != 0 && row[j] != 1) {
          throw new FgaUserException(targets + ": target [" + i + ", " + j + "] is " + row[j] + "; targets must be 0 or 1");
        }
        pos[j] = row[j] == 1;
      }
      map.add(s.row(i), pos);
    }
    JsonOut.print(spec.commandLine().getOut(), map.toMap());
    return 0;
  }
}
