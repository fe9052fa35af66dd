package org.fga.engine;

/**
 * Convolution forward and backward in float64 by the definition, the oracle of the self-check: no
 * blocking, no layout, nothing an engine's heuristics could get wrong. Arrays are row-major in the
 * shapes of {@link ConvCase}; the loss is {@code Σ y·g} for a fixed {@code g}, so the output
 * gradient is {@code g}.
 */
final class ReferenceConv {
  private ReferenceConv() {}

  /** The forward output, the input gradient and the weight gradient. */
  record Result(double[] y, double[] dx, double[] dw) {}

  static Result run(ConvCase c, double[] x, double[] w, double[] g) {
    int h = c.height();
    int wd = c.size();
    int kh = c.kernelHeight();
    int kw = c.kernel();
    int oh = c.outHeight();
    int ow = c.outWidth();
    int ph = c.padHeight();
    double[] y = new double[c.batch() * c.out() * oh * ow];
    double[] dx = new double[x.length];
    double[] dw = new double[w.length];
    for (int n = 0; n < c.batch(); n++) {
      for (int o = 0; o < c.out(); o++) {
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            int yi = ((n * c.out() + o) * oh + i) * ow + j;
            double sum = 0;
            double gy = g[yi];
            for (int ch = 0; ch < c.in(); ch++) {
              for (int a = 0; a < kh; a++) {
                int r = i * c.stride() - ph + a * c.dilation();
                if (r < 0 || r >= h) {
                  continue;
                }
                for (int b = 0; b < kw; b++) {
                  int col = j * c.stride() - c.padding() + b * c.dilation();
                  if (col < 0 || col >= wd) {
                    continue;
                  }
                  int xi = ((n * c.in() + ch) * h + r) * wd + col;
                  int wi = ((o * c.in() + ch) * kh + a) * kw + b;
                  sum += x[xi] * w[wi];
                  dx[xi] += gy * w[wi];
                  dw[wi] += gy * x[xi];
                }
              }
            }
            y[yi] = sum;
          }
        }
      }
    }
    return new Result(y, dx, dw);
  }
}
