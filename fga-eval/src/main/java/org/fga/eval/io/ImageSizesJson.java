package org.fga.eval.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.Mappers;

/**
 * Original image sizes as JSON: a list with one {@code [width, height]} per image, in the order of
 * wsolevaluation's {@code image_sizes.txt} columns.
 */
public final class ImageSizesJson {
  private ImageSizesJson() {}

  /** {@code [image][0 = width, 1 = height]}. */
  public static int[][] read(Path path) {
    String src = path.toString();
    if (!path.toFile().isFile()) {
      throw new FgaUserException(src + ": no such file");
    }
    JsonNode root;
    try {
      root = Mappers.json().readTree(path.toFile());
    } catch (IOException e) {
      throw new FgaUserException(src + ": not valid JSON: " + e.getMessage().split("\n")[0], e);
    }
    if (root == null || !root.isArray()) {
      throw new FgaUserException(src + ": expected a JSON list with one [width, height] per image");
    }
    int[][] out = new int[root.size()][];
    for (int i = 0; i < root.size(); i++) {
      JsonNode e = root.get(i);
      if (!e.isArray() || e.size() != 2 || !e.get(0).canConvertToExactIntegral() || !e.get(1).canConvertToExactIntegral()
          || e.get(0).asInt() <= 0 || e.get(1).asInt() <= 0) {
        throw new FgaUserException(src + "[" + i + "]: expected [width, height], two positive whole numbers, got " + e);
      }
      out[i] = new int[] {e.get(0).asInt(), e.get(1).asInt()};
    }
    return out;
  }
}
