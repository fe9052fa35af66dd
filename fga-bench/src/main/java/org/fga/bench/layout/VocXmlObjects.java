package org.fga.bench.layout;

import java.util.Locale;
import org.fga.core.data.Box;

/**
 * The {@code <object>} element of a PASCAL-VOC-style annotation, as ImageNet's and Stanford Dogs'
 * box files use it: VOC coordinates are 1-based and inclusive, ours 0-based, hence the +1.
 */
final class VocXmlObjects {
  private VocXmlObjects() {}

  static String of(String name, Box b) {
    return String.format(
        Locale.ROOT,
        "<object><name>%s</name><pose>Unspecified</pose><truncated>0</truncated><difficult>0</difficult>"
            + "<bndbox><xmin>%d</xmin><ymin>%d</ymin><xmax>%d</xmax><ymax>%d</ymax></bndbox></object>",
        name, b.x0() + 1, b.y0() + 1, b.x1() + 1, b.y1() + 1);
  }
}
