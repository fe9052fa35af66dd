package org.fga.bench.cli.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Map;
import org.fga.backbones.ClassifierNetwork;
import org.fga.backbones.TorchBackbone;
import org.fga.core.io.NdArray;
import org.fga.backbones.weights.WeightFiles;
import org.fga.backbones.weights.WeightLoader;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneProvider;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.error.FgaUserException;

/**
 * A registered backbone completed into its torchvision classifier and loaded, strictly, from a
 * weight file. The base width is read from the file's first convolution, so torchvision's files
 * and our tiny test models both load without a width option.
 */
final class Classifier implements AutoCloseable {
  private final NDManager manager;
  private final TorchBackbone backbone;
  private final ClassifierNetwork network;

  Classifier(BackboneProvider provider, Path weights, int numClasses, int inputSize) {
    Map<String, NdArray> tensors = WeightFiles.read(weights);
    String arch = provider.name();
    TorchBackbone probe = torchBackbone(provider.create(BackboneSpec.of(arch)), arch);
    NdArray stem = tensors.get(probe.stemWeightName());
    if (stem == null) {
      throw new FgaUserException(
          "weights " + weights + " have no " + probe.stemWeightName() + ": not a " + arch + " file?");
    }
    int width = Math.toIntExact(stem.shape()[0]);
    backbone =
        torchBackbone(
            provider.create(new BackboneSpec(arch, weights.toString(), null, null, width, null)),
            arch);
    network = backbone.classifier(numClasses);
    manager = NDManager.newBaseManager();
    network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, inputSize, inputSize));
    WeightLoader.builder().build().load(network, tensors, weights.toString());
  }

  private static TorchBackbone torchBackbone(Backbone b, String arch) {
    if (b instanceof TorchBackbone tb) {
      return tb;
    }
    throw new FgaUserException("backbone " + arch + " has no torchvision classifier head to predict with");
  }

  TorchBackbone backbone() {
    return backbone;
  }

  /** Logits (B×C) of a batch of normalised CHW images, each {@code side}×{@code side}. */
  float[][] logits(float[][] images, int side) {
    try (NDManager batch = manager.newSubManager()) {
      int n = images.length;
      int plane = 3 * side * side;
      float[] flat = new float[n * plane];
      for (int i = 0; i < n; i++) {
        System.arraycopy(images[i], 0, flat, i * plane, plane);
      }
      NDArray x = batch.create(flat, new Shape(n, 3, side, side));
      NDArray out =
          network.forward(new ParameterStore(batch, false), new NDList(x), false).singletonOrThrow();
      float[] values = out.toFloatArray();
      int classes = Math.toIntExact(out.getShape().get(1));
      float[][] rows = new float[n][classes];
      for (int i = 0; i < n; i++) {
        System.arraycopy(values, i * classes, rows[i], 0, classes);
      }
      return rows;
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
