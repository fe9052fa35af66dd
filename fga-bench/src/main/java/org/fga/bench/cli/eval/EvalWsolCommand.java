package org.fga.bench.cli.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fga.core.data.Box;
import org.fga.core.error.FgaUserException;
import org.fga.eval.classification.Accuracy;
import org.fga.eval.io.ArrayFiles;
import org.fga.eval.io.BoxesJson;
import org.fga.eval.io.ImageSizesJson;
import org.fga.core.io.NdArray;
import org.fga.eval.io.Shapes;
import org.fga.eval.wsol.GtBoxScaling;
import org.fga.eval.wsol.ScoreMaps;
import org.fga.eval.wsol.WsolCounts;
import org.fga.eval.wsol.WsolEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fga eval wsol}. */
@Command(
    name = "wsol",
    mixinStandardHelpOptions = true,
    description = {
      "WSOL box metrics as wsolevaluation's BoxEvaluator: {\"maxBoxAcc\": {\"30\", \"50\", \"70\"}, \"maxBoxAccV2\", \"gtKnownLoc\", \"top1Loc\", \"bestThreshold\"},",
      "each the maximum over tau. Mask = uint8(255 * min-max normalised map) > int(tau * max); boxes of cv2.findContours'",
      "contours (every contour, holes included, or the largest by contourArea with --largest-only)."
    })
public final class EvalWsolCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--maps", required = true, description = "N x H x W score maps (wsolevaluation: 224 x 224, resized with cv2 INTER_CUBIC)")
  Path maps;

  @Option(names = "--boxes", required = true, description = "JSON list, per image [x0, y0, x1, y1] or a list of them (inclusive), in map pixels or, with --image-sizes, in original image pixels")
  Path boxes;

  @Option(names = "--image-sizes", description = "JSON list, per image [width, height] of the original image: --boxes are scaled to the map with int() truncation, as wsolevaluation's resize_bbox")
  Path imageSizes;

  @Option(names = "--scores", description = "N x C class scores, for top1Loc (with --labels)")
  Path scores;

  @Option(names = "--labels", description = "N true labels, for top1Loc (with --scores)")
  Path labels;

  @Option(names = "--step", defaultValue = "0.01", description = "threshold step (default: ${DEFAULT-VALUE})")
  double step;

  @Option(names = "--iou", defaultValue = "30,50,70", description = "IoU thresholds in percent (default: ${DEFAULT-VALUE})")
  String iou;

  @Option(names = "--largest-only", description = "the original MaxBoxAcc: only the largest contour's box (default: every contour's, MaxBoxAccV2's multi-contour mode)")
  boolean largestOnly;

  @Override
  public Integer call() {
    int[] ious = WsolEvaluator.parsePercents(iou);
    NdArray m = ArrayFiles.read(maps).requireRank(3);
    List<List<Box>> gt = BoxesJson.read(boxes);
    if (gt.size() != m.dim(0)) {
      throw Shapes.mismatch(maps.toString(), m.shape(), boxes.toString(), new int[] {gt.size()}, "one box entry per map");
    }
    if (imageSizes != null) {
      int[][] sizes = ImageSizesJson.read(imageSizes);
      if (sizes.length != gt.size()) {
        throw Shapes.mismatch(imageSizes.toString(), new int[] {sizes.length}, boxes.toString(), new int[] {gt.size()},
            "one size per image");
      }
      for (int i = 0; i < sizes.length; i++) {
        gt.set(i, GtBoxScaling.scaleAll(gt.get(i), sizes[i][0], sizes[i][1], m.dim(2), m.dim(1)));
      }
    }
    boolean[] right = null;
    if ((scores == null) != (labels == null)) {
      throw new FgaUserException("--scores and --labels go together (both are needed for top1Loc)");
    }
    if (scores != null) {
      NdArray s = ArrayFiles.read(scores).requireRank(2);
      NdArray l = ArrayFiles.read(labels).requireRank(1);
      Shapes.requireSameLength(s, 0, l, 0);
      Shapes.requireSameLength(s, 0, m, 0);
      int[] y = l.toInts();
      right = new boolean[y.length];
      for (int i = 0; i < y.length; i++) {
        right[i] = Accuracy.argmax(s.row(i)) == y[i];
      }
    }
    WsolEvaluator ev = WsolEvaluator.builder().optStep(step).optIouPercents(ious).build();
    WsolCounts counts = ev.evaluate(ScoreMaps.of(m), gt, right);
    JsonOut.print(spec.commandLine().getOut(), WsolEvaluator.report(counts, null, largestOnly, ious));
    return 0;
  }
}
