package org.fga.eval.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.Mappers;

/**
 * Ground-truth boxes as JSON: a list with one entry per image, each entry either one box {@code
 * [x0, y0, x1, y1]} or a list of such boxes. Coordinates are whole pixels, inclusive of both ends.
 */
public final class BoxesJson {
  private BoxesJson() {}

  public static List<List<Box>> read(Path path) {
    String src = path.toString();
    JsonNode root;
    try {
      root = Mappers.json().readTree(path.toFile());
    } catch (NoSuchFileException e) {
      throw new FgaUserException(src + ": no such file");
    } catch (IOException e) {
      if (!path.toFile().exists()) {
        throw new FgaUserException(src + ": no such file");
      }
      throw new FgaUserException(src + ": not valid JSON: " + e.getMessage().split("\n")[0], e);
    }
    return parse(root, src);
  }

  /** Parses an already read JSON tree; {@code src} names it in errors. */
  public static List<List<Box>> parse(JsonNode root, String src) {
    if (root == null || !root.isArray()) {
      throw new FgaUserException(src + ": expected a JSON list with one entry of boxes per image");
    }
    List<List<Box>> out = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      JsonNode e = root.get(i);
      List<Box> boxes = new ArrayList<>();
      if (e.isArray() && e.size() > 0 && e.get(0).isArray()) {
        for (int j = 0; j < e.size(); j++) {
          boxes.add(box(e.get(j), src, "[" + i + "][" + j + "]"));
        }
      } else {
        boxes.add(box(e, src, "[" + i + "]"));
      }
      out.add(boxes);
    }
    return out;
  }

  private static Box box(JsonNode n, String src, String where) {
    if (!n.isArray() || n.size() != 4) {
      throw new FgaUserException(src + where + ": expected [x0, y0, x1, y1], got " + n);
    }
    int[] v = new int[4];
    for (int k = 0; k < 4; k++) {
      JsonNode c = n.get(k);
      if (!c.isNumber() || c.asDouble() != Math.rint(c.asDouble())) {
        throw new FgaUserException(src + where + ": coordinates must be whole pixels, got " + n);
      }
      v[k] = (int) c.asDouble();
    }
    if (v[2] < v[0] || v[3] < v[1]) {
      throw new FgaUserException(src + where + ": x1 < x0 or y1 < y0 in " + n + " (inclusive coordinates)");
    }
    return new Box(v[0], v[1], v[2], v[3]);
  }
}
