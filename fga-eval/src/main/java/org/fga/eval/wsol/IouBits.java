package org.fga.eval.wsol;

import java.util.List;
import org.fga.core.data.Box;

/**
 * Which IoU thresholds δ a predicted box meets against an image's ground-truth boxes, as
 * wsolevaluation's {@code calculate_multiple_iou}: boxes x0y0x1y1 inclusive of both ends (the +1
 * in every width and height), the best IoU over the GT boxes, correct when it is ≥ δ.
 */
final class IouBits {
  private final double[] deltas;
  private int[] gt = new int[0];
  private int gtCount;

  IouBits(double[] deltas) {
    this.deltas = deltas.clone();
  }

  void setGt(List<Box> boxes) {
    if (gt.length < 4 * boxes.size()) {
      gt = new int[4 * boxes.size()];
    }
    gtCount = boxes.size();
    for (int i = 0; i < gtCount; i++) {
      Box b = boxes.get(i);
      gt[4 * i] = b.x0();
      gt[4 * i + 1] = b.y0();
      gt[4 * i + 2] = b.x1();
      gt[4 * i + 3] = b.y1();
    }
  }

  /** Bit d set when the box's best IoU with the GT boxes is ≥ δ_d. */
  int bits(int x0, int y0, int x1, int y1) {
    double best = bestIou(x0, y0, x1, y1);
    int bits = 0;
    for (int d = 0; d < deltas.length; d++) {
      if (best >= deltas[d]) {
        bits |= 1 << d;
      }
    }
    return bits;
  }

  double bestIou(int x0, int y0, int x1, int y1) {
    double best = 0;
    long area = (long) (x1 - x0 + 1) * (y1 - y0 + 1);
    for (int i = 0; i < gtCount; i++) {
      int gx0 = gt[4 * i];
      int gy0 = gt[4 * i + 1];
      int gx1 = gt[4 * i + 2];
      int gy1 = gt[4 * i + 3];
      int iw = Math.min(x1, gx1) - Math.max(x0, gx0) + 1;
      int ih = Math.min(y1, gy1) - Math.max(y0, gy0) + 1;
      if (iw <= 0 || ih <= 0) {
        continue;
      }
      long inter = (long) iw * ih;
      long gArea = (long) (gx1 - gx0 + 1) * (gy1 - gy0 + 1);
      double iou = (double) inter / (double) (area + gArea - inter);
      if (iou > best) {
        best = iou;
      }
    }
    return best;
  }
}
