package org.fga.bench.cli.eval;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.core.error.FgaUserException;
import org.fga.eval.io.ArrayFiles;
import org.fga.core.io.NdArray;
import org.fga.eval.io.Shapes;
import org.fga.eval.reid.DistanceRows;
import org.fga.eval.reid.FeatureDistance;
import org.fga.eval.reid.ReidEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fga eval reid}. */
@Command(
    name = "reid",
    mixinStandardHelpOptions = true,
    description = {
      "Re-ID under the Market-1501 protocol: {\"mAP\", \"cmc\": [rank-1, ...], \"mINP\"}.",
      "Gallery items with the query's id AND camera are removed; queries with no match left are skipped."
    })
public final class EvalReidCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--distmat", description = "Q x G distance matrix (smaller = more similar)")
    Path distmat;

    @ArgGroup(exclusive = false)
    Features features;
  }

  static final class Features {
    @Option(names = "--query-features", required = true, description = "Q x D query features")
    Path query;

    @Option(names = "--gallery-features", required = true, description = "G x D gallery features")
    Path gallery;
  }

  @Option(names = "--metric", defaultValue = "euclidean", description = "for features: euclidean|cosine (default: ${DEFAULT-VALUE})")
  String metric;

  @Option(names = "--query-ids", required = true, description = "Q identities")
  Path queryIds;

  @Option(names = "--gallery-ids", required = true, description = "G identities")
  Path galleryIds;

  @Option(names = "--query-cams", required = true, description = "Q camera ids")
  Path queryCams;

  @Option(names = "--gallery-cams", required = true, description = "G camera ids")
  Path galleryCams;

  @Option(names = "--max-rank", defaultValue = "50", description = "CMC length (default: ${DEFAULT-VALUE})")
  int maxRank;

  @Override
  public Integer call() {
    int[] qid = ArrayFiles.read(queryIds).requireRank(1).toInts();
    int[] gid = ArrayFiles.read(galleryIds).requireRank(1).toInts();
    int[] qcam = ArrayFiles.read(queryCams).requireRank(1).toInts();
    int[] gcam = ArrayFiles.read(galleryCams).requireRank(1).toInts();
    Shapes.requireLength(queryIds.toString(), qid.length, queryCams.toString(), qcam.length);
    Shapes.requireLength(galleryIds.toString(), gid.length, galleryCams.toString(), gcam.length);
    DistanceRows rows;
    if (input.distmat != null) {
      NdArray d = ArrayFiles.read(input.distmat).requireRank(2);
      if (d.dim(0) != qid.length || d.dim(1) != gid.length) {
        throw Shapes.mismatch(input.distmat.toString(), d.shape(), "query/gallery ids", new int[] {qid.length, gid.length},
            "distance matrix must be queries x gallery");
      }
      rows = DistanceRows.of(d);
    } else {
      NdArray qf = ArrayFiles.read(input.features.query).requireRank(2);
      NdArray gf = ArrayFiles.read(input.features.gallery).requireRank(2);
      Shapes.requireSameLength(qf, 1, gf, 1);
      if (qf.dim(0) != qid.length) {
        throw Shapes.mismatch(qf.source(), qf.shape(), queryIds.toString(), new int[] {qid.length}, "one row per query");
      }
      if (gf.dim(0) != gid.length) {
        throw Shapes.mismatch(gf.source(), gf.shape(), galleryIds.toString(), new int[] {gid.length}, "one row per gallery item");
      }
      rows = FeatureDistance.parse(metric).rows(qf.toMatrix(), gf.toMatrix());
    }
    if (maxRank < 1) {
      throw new FgaUserException("--max-rank must be at least 1, got " + maxRank);
    }
    ReidEvaluator ev = new ReidEvaluator(gid, gcam, maxRank).addAll(rows, qid, qcam);
    JsonOut.print(spec.commandLine().getOut(), ev.toMap());
    return 0;
  }
}
