package org.fga.methods.gain;

import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.backbone.Backbone;
import org.fga.core.backbone.BackboneCfg;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.nn.LossFunctions;
import org.fga.core.nn.Pooling;

/**
 * GAIN and GAINext (Li et al., CVPR 2018). The classification stream computes the logits and,
 * inside the same step, the Grad-CAM map of every ground-truth class; the attention-mining stream
 * erases the attended region with the soft mask and pays for whatever class score is left; GAINext's
 * external stream pulls the maps of a few mask-labelled images towards their masks. All streams
 * share every parameter. Total: {@code L_cl + α·L_am + ω_e·L_e}.
 */
public final class GainMethod implements Method {
  private final Backbone backbone;
  private final GainNetwork net;
  private final GainSettings settings;
  private final boolean multiLabel;
  private final int numClasses;

  public GainMethod(GainSettings settings, Backbone backbone, DatasetInfo data) {
    this.settings = settings;
    this.backbone = backbone;
    BackboneCfg cfg = backbone.cfg();
    int tap = settings.tap() == null ? cfg.stages().size() - 1 : cfg.indexOf(settings.tap());
    this.numClasses = data.numClasses();
    this.net =
        new GainNetwork(
            backbone.block(), tap, new GainHead(settings.head(), cfg.stages().get(tap).channels(), numClasses));
    this.multiLabel = data.task() == Task.MULTILABEL;
  }

  GainSettings settings() {
    return settings;
  }

  GainNetwork network() {
    return net;
  }

  @Override
  public Block block() {
    return net;
  }

  @Override
  public Backbone backbone() {
    return backbone;
  }

  @Override
  public Losses trainStep(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDManager m = ctx.manager();
    NDArray images = batch.images();
    int height = (int) images.getShape().get(2);
    int width = (int) images.getShape().get(3);

    // Classification stream.
    NDArray features = net.features(ps, images, true);
    NDArray logits = net.logits(ps, features, true);
    NDArray cls = LossFunctions.classification(logits, batch, 0);

    Map<String, NDArray> terms = new LinkedHashMap<>();
    terms.put("cls", cls);
    ClassPairs pairs = pairs(batch);
    if (pairs.size() == 0) { // a multi-label batch without any ground-truth class: nothing to mine
      terms.put("am", m.zeros(new Shape(), DataType.FLOAT32));
      if (settings.subset() != null) {
        terms.put("ext", m.zeros(new Shape(), DataType.FLOAT32));
      }
      return new Losses(cls, terms);
    }

    // Grad-CAM of every (image, ground-truth class) pair, normalised at image size.
    NDArray maps = pairMaps(ps, features, pairs, true, m);
    NDArray normalized =
        SoftMask.normalizedAtImage(maps, height, width, settings.alignCorners());

    NDArray total = cls;
    if (ctx.epoch() >= settings.amWarmupEpochs()) {
      NDArray amTerm = Scalars.mul(attentionMining(ps, images, pairs, normalized, batch, m), settings.alpha());
      terms.put("am", amTerm);
      total = total.add(amTerm);
    } else { // warm-up: the classifier trains alone first, as the ports' --npretrain epochs
      terms.put("am", m.zeros(new Shape(), DataType.FLOAT32));
    }
    if (settings.subset() != null) {
      NDArray extTerm =
          Scalars.mul(ExternalTargets.loss(batch, pairs, normalized, settings.subset(), multiLabel, m), settings.omegaE());
      terms.put("ext", extTerm);
      total = total.add(extTerm);
    }
    return new Losses(total, terms);
  }

  /** {@code L_am} on {@code I* = I − T⊙I}, one erased image per (image, ground-truth class) pair. */
  private NDArray attentionMining(
      ParameterStore ps, NDArray images, ClassPairs pairs, NDArray normalized, Batch batch, NDManager m) {
    NDArray mask = SoftMask.mask(normalized, settings.sigma(), settings.omega());
    boolean identity = pairs.size() == batch.size() && pairs.slotImages().size() == 1;
    NDArray source = identity ? images : rows(images, pairs.pairImages(), m);
    NDArray erased = SoftMask.erase(source, mask);
    // freezeBatchNorm: the same network with training=false, so batch norm reads (and leaves alone)
    // its running statistics while gradients still flow through every layer to the shared weights.
    boolean bnTraining = !settings.freezeBatchNorm();
    NDArray erasedLogits = net.logits(ps, net.features(ps, erased, bnTraining), bnTraining);
    return GainLosses.attentionMining(
        erasedLogits, m.create(pairs.pairClasses()), m.create(pairs.weights()), settings.amScore());
  }

  private ClassPairs pairs(Batch batch) {
    if (multiLabel) {
      return ClassPairs.multiLabel(batch.targets().toFloatArray(), batch.size(), numClasses);
    }
    return ClassPairs.singleLabel(batch.labels().toLongArray());
  }

  /** P×h×w Grad-CAM maps, one per pair, in pair order; differentiable through the features. */
  private NDArray pairMaps(ParameterStore ps, NDArray features, ClassPairs pairs, boolean training, NDManager m) {
    int b = (int) features.getShape().get(0);
    NDList parts = new NDList();
    for (int k = 0; k < pairs.slotImages().size(); k++) {
      int[] images = pairs.slotImages().get(k);
      long[] classes = pairs.slotClasses().get(k);
      float[] sel = new float[b * numClasses];
      for (int j = 0; j < images.length; j++) {
        sel[images[j] * numClasses + (int) classes[j]] = 1f;
      }
      NDArray selector = m.create(sel, new Shape(b, numClasses));
      NDArray a = GradCam.map(features, weights(ps, features, selector, training));
      parts.add(images.length == b ? a : rows(a, java.util.Arrays.stream(images).asLongStream().toArray(), m));
    }
    return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts);
  }

  /** Grad-CAM channel weights: the CAM closed form when allowed, else the auxiliary backward. */
  private NDArray weights(ParameterStore ps, NDArray features, NDArray selector, boolean training) {
    if (settings.fastCam() && net.head().type() == HeadType.GAP_LINEAR) {
      NDArray w = ps.getValue(net.head().fc().getParameters().get("weight"), features.getDevice(), training);
      return GradCam.weightsClosedForm(features, w, selector);
    }
    return GradCam.weightsByBackward(net, ps, features, selector, training);
  }

  static NDArray rows(NDArray a, long[] index, NDManager m) {
    return a.get(new NDIndex("{}", m.create(index)));
  }

  @Override
  public Outputs infer(StepContext ctx, Batch batch) {
    NDArray features = net.features(ctx.parameters(), batch.images(), false);
    return new Outputs(net.logits(ctx.parameters(), features, false), Pooling.gap(features));
  }

  @Override
  public NDArray attention(StepContext ctx, Batch batch, NDArray classes) {
    ParameterStore ps = ctx.parameters();
    NDArray features = net.features(ps, batch.images(), false);
    NDArray selector = classes.oneHot(numClasses).toType(DataType.FLOAT32, false);
    NDArray maps = GradCam.map(features, weights(ps, features, selector, false)).stopGradient();
    if (settings.attentionOutput() == AttentionOutput.SEEDS) {
      Shape s = batch.images().getShape();
      NDArray up = SoftMask.upsample(maps, (int) s.get(2), (int) s.get(3), settings.alignCorners());
      return PseudoMasks.seeds(up, settings.seedThreshold());
    }
    return maps;
  }
}
