package org.fga.eval.segmentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fga.core.error.FgaUserException;
import org.fga.eval.io.LabelPng;

/**
 * Scores a directory of predicted PNG masks against a directory of ground-truth PNG masks, matched
 * by file name. Every ground-truth {@code *.png} needs a prediction of the same name; predictions
 * without ground truth are not scored. Files are decoded and counted in parallel.
 */
public final class MaskDirectories {
  private MaskDirectories() {}

  public static ConfusionMatrix evaluate(Path predDir, Path gtDir, int numClasses, int ignore) {
    List<Path> gts = pngs(gtDir);
    if (gts.isEmpty()) {
      throw new FgaUserException(gtDir + ": no .png ground-truth masks");
    }
    for (Path gt : gts) {
      Path pred = predDir.resolve(gt.getFileName().toString());
      if (!Files.isRegularFile(pred)) {
        throw new FgaUserException(pred + ": missing prediction for ground truth " + gt);
      }
    }
    return gts.parallelStream()
        .map(
            gt -> {
              String name = gt.getFileName().toString();
              return new ConfusionMatrix(numClasses, ignore)
                  .add(LabelPng.read(predDir.resolve(name)), LabelPng.read(gt), name);
            })
        .reduce(ConfusionMatrix::merge)
        .orElseThrow();
  }

  private static List<Path> pngs(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new FgaUserException(dir + ": not a directory");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".png"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new FgaUserException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }
}
