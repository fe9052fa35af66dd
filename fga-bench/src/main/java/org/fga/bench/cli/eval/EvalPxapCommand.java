package org.fga.bench.cli.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fga.core.data.Mask;
import org.fga.eval.io.ArrayFiles;
import org.fga.eval.io.MaskArrays;
import org.fga.core.io.NdArray;
import org.fga.eval.io.Shapes;
import org.fga.eval.wsol.PixelHistogram;
import org.fga.eval.wsol.ScoreMaps;
import org.fga.eval.wsol.ThresholdGrid;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fga eval pxap}. */
@Command(
    name = "pxap",
    mixinStandardHelpOptions = true,
    description = "Pixel average precision of min-max normalised maps against binary masks: {\"PxAP\"}.")
public final class EvalPxapCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--maps", required = true, description = "N x H x W score maps")
  Path maps;

  @Option(names = "--masks", required = true, description = "N x H x W masks: 0 background, 1 foreground, 255 ignored")
  Path masks;

  @Option(names = "--ignore", description = "N x H x W, non-zero = pixel ignored")
  Path ignore;

  @Option(names = "--step", defaultValue = "0.01", description = "threshold step (default: ${DEFAULT-VALUE})")
  double step;

  @Override
  public Integer call() {
    NdArray m = ArrayFiles.read(maps).requireRank(3);
    NdArray gt = ArrayFiles.read(masks).requireRank(3);
    Shapes.requireSameShape(m, gt);
    List<Mask> ig = null;
    if (ignore != null) {
      NdArray i = ArrayFiles.read(ignore).requireRank(3);
      Shapes.requireSameShape(m, i);
      ig = MaskArrays.of(i);
    }
    PixelHistogram h = PixelHistogram.of(new ThresholdGrid(step), ScoreMaps.of(m), MaskArrays.of(gt), ig);
    JsonOut.print(spec.commandLine().getOut(), h.toMap());
    return 0;
  }
}
