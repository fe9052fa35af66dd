package org.fga.methods.coarse2fine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * (Semi-)orthogonal initialisation, as {@code torch.nn.init.orthogonal_}: the weight, viewed as a
 * matrix of {@code rows = shape[0]} by {@code cols = Π shape[1:]}, gets orthonormal rows when
 * {@code rows ≤ cols} (so M attention filters start mutually orthogonal, each of unit norm) and
 * orthonormal columns otherwise. A standard-normal matrix (drawn from libtorch's seeded generator,
 * so runs are reproducible) is orthonormalised by modified Gram–Schmidt, which gives the Q of its QR
 * decomposition with a positive diagonal of R — the same distribution as PyTorch's sign-corrected
 * QR — then scaled by {@code gain}.
 */
public final class OrthogonalInitializer implements Initializer {
  private final double gain;

  public OrthogonalInitializer(double gain) {
    this.gain = gain;
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    int rows = (int) shape.get(0);
    int cols = (int) (shape.size() / rows);
    float[] normal = manager.randomNormal(new Shape(rows, cols)).toFloatArray();
    boolean wide = rows <= cols;
    // orthonormalise the shorter side's vectors: rows of a wide matrix, columns of a tall one
    int count = wide ? rows : cols;
    int len = wide ? cols : rows;
    double[][] v = new double[count][len];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < len; j++) {
        v[i][j] = wide ? normal[i * cols + j] : normal[j * cols + i];
      }
    }
    gramSchmidt(v);
    float[] out = new float[rows * cols];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < len; j++) {
        float x = (float) (gain * v[i][j]);
        if (wide) {
          out[i * cols + j] = x;
        } else {
          out[j * cols + i] = x;
        }
      }
    }
    return manager.create(out, shape).toType(dataType, false);
  }

  /** Modified Gram–Schmidt in place: the vectors become orthonormal, spanning the same flags. */
  static void gramSchmidt(double[][] v) {
    for (int i = 0; i < v.length; i++) {
      for (int k = 0; k < i; k++) {
        double dot = 0;
        for (int j = 0; j < v[i].length; j++) {
          dot += v[i][j] * v[k][j];
        }
        for (int j = 0; j < v[i].length; j++) {
          v[i][j] -= dot * v[k][j];
        }
      }
      double norm = 0;
      for (double x : v[i]) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < v[i].length; j++) {
        v[i][j] /= norm;
      }
    }
  }
}
