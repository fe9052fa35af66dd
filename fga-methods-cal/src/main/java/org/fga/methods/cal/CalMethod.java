package org.fga.methods.cal;

import ai.djl.ndarray.NDArray;
import org.fga.core.nn.Scalars;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.fga.core.backbone.Backbone;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.Method;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.nn.LossFunctions;

/**
 * CAL for fine-grained classification (and WS-DAN when the effect weight is 0). A training step
 * runs the network on the raw batch, makes one attention crop and one attention drop per image
 * from maps chosen by their mass, runs the network again on the 2B augmented images and combines
 *
 * <pre>
 *   L = w_raw·CE(raw) + w_aug·CE(crop ∪ drop) + w_eff·CE(effect on raw ∪ crop ∪ drop)
 *     + w_ctr·Σ‖f − c_y‖²/B
 * </pre>
 *
 * Inference averages the logits of the raw image and of its attention crop (or of eight views).
 */
public final class CalMethod implements Method {
  /** The reference infer.py's extra views: crop thresholds and paddings, each also flipped. */
  private static final double[][] EIGHT_VIEW_CROPS = {{0.3, 0.1}, {0.2, 0.1}, {0.1, 0.05}};

  private final Backbone backbone;
  private final BapNetwork net;
  private final FgvcSettings s;
  private final FeatureCentres centres;
  /** Where a training step's random draws come from: the step's generator, or a test's fixture. */
  private Function<Random, Draws> draws = Draws::seeded;

  public CalMethod(FgvcSettings settings, Backbone backbone, DatasetInfo data) {
    if (data.task() == Task.MULTILABEL || data.task() == Task.SEGMENTATION) {
      throw new FgaUserException(
          "method cal/wsdan needs single-label data; dataset " + data.name() + " is " + data.task());
    }
    this.s = settings;
    this.backbone = backbone;
    var cfg = backbone.cfg();
    int tap = settings.tap() == null ? cfg.stages().size() - 1 : cfg.indexOf(settings.tap());
    int channels = cfg.stages().get(tap).channels();
    this.net = new BapNetwork(
        backbone.block(), tap, channels, settings.attentionMaps(), data.numClasses(), settings.featureScale());
    this.centres = new FeatureCentres(
        data.numClasses(), (long) settings.attentionMaps() * channels, settings.centreBeta(),
        settings.normalizeCentres(), settings.centreUpdate());
  }

  /** Test seam: take the step's random draws from {@code source} instead of the step's generator. */
  void useDraws(Function<Random, Draws> source) {
    this.draws = source;
  }

  @Override
  public Block block() {
    return net;
  }

  @Override
  public Backbone backbone() {
    return backbone;
  }

  public BapNetwork network() {
    return net;
  }

  @Override
  public Map<String, NDArray> state() {
    return Map.of("centres", centres.centres());
  }

  @Override
  public Losses trainStep(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    Draws draw = draws.apply(ctx.random());
    NDArray y = batch.labels();
    NDList raw = net.forward(ps, new NDList(batch.images()), true);
    NDArray logits = raw.get(0);
    NDArray feat = raw.get(1);
    NDArray att = raw.get(2);
    boolean cal = s.effectWeight() > 0;
    NDArray effectRaw = cal
        ? Counterfactual.effect(net, ps, logits, raw.get(3),
            draw.counterfactualMaps(ctx.manager(), att.getShape()), true)
        : null;

    NDArray batchCentres = centres.of(y);
    NDArray centreLoss = FeatureCentres.loss(feat, batchCentres);
    centres.update(feat, y, batchCentres);

    NDArray augmented = augment(batch.images(), att, draw);
    NDArray y2 = NDArrays.concat(new NDList(y, y));
    NDList aug = net.forward(ps, new NDList(augmented), true);

    Map<String, NDArray> terms = new LinkedHashMap<>();
    terms.put("raw", Scalars.mul(LossFunctions.crossEntropy(logits, y), s.rawWeight()));
    terms.put("aug", Scalars.mul(LossFunctions.crossEntropy(aug.get(0), y2), s.augWeight()));
    if (cal) {
      NDArray effectAug = Counterfactual.effect(net, ps, aug.get(0), aug.get(3),
          draw.counterfactualMaps(ctx.manager(), aug.get(2).getShape()), true);
      NDArray effect = NDArrays.concat(new NDList(effectRaw, effectAug));
      terms.put("effect", Scalars.mul(LossFunctions.crossEntropy(effect, NDArrays.concat(new NDList(y, y2))), s.effectWeight()));
    }
    terms.put("centre", Scalars.mul(centreLoss, s.centreWeight()));
    return new Losses(Scalars.total(terms), terms);
  }

  /** One attention crop and one attention drop per image, concatenated: 2B×3×H×W, no gradient. */
  NDArray augment(NDArray images, NDArray att, Draws draw) {
    Shape a = att.getShape();
    int b = (int) a.get(0);
    int m = (int) a.get(1);
    int h = (int) a.get(2);
    int w = (int) a.get(3);
    int imageH = (int) images.getShape().get(2);
    int imageW = (int) images.getShape().get(3);
    float[] host = AttentionAugment.host(att);
    float[] sums = new float[b * m];
    for (int i = 0; i < b * m; i++) {
      float sum = 0;
      for (int p = 0; p < h * w; p++) {
        sum += host[i * h * w + p];
      }
      sums[i] = sum;
    }
    int[][] chosen = draw.pickMaps(sums, b, m);
    float[][] cropMaps = new float[b][];
    float[][] dropMaps = new float[b][];
    for (int i = 0; i < b; i++) {
      cropMaps[i] = slice(host, (i * m + chosen[i][0]) * h * w, h * w);
      dropMaps[i] = slice(host, (i * m + chosen[i][1]) * h * w, h * w);
    }
    NDArray x = images.stopGradient();
    CropBox[] boxes =
        AttentionAugment.cropBoxes(cropMaps, h, w, imageH, imageW, () -> draw.cropTheta(s.cropTheta()), s.cropPadding());
    float[] keep = AttentionAugment.dropMasks(dropMaps, h, w, imageH, imageW, () -> draw.dropTheta(s.dropTheta()));
    return NDArrays.concat(new NDList(AttentionAugment.crop(x, boxes), AttentionAugment.drop(x, keep)));
  }

  private static float[] slice(float[] a, int from, int len) {
    return java.util.Arrays.copyOfRange(a, from, from + len);
  }

  @Override
  public Outputs infer(StepContext ctx, Batch batch) {
    ParameterStore ps = ctx.parameters();
    NDArray images = batch.images();
    NDList raw = net.forward(ps, new NDList(images), false);
    NDArray logits;
    if (s.testViews() == 2) {
      NDArray crop = cropToMeanAttention(images, raw.get(2), s.testCropTheta(), s.testCropPadding());
      logits = raw.get(0).add(net.forward(ps, new NDList(crop), false).get(0)).div(2);
    } else {
      logits = viewAverage(ps, images, raw).add(viewAverage(ps, images.flip(3), null)).div(2);
    }
    return new Outputs(logits, raw.get(1));
  }

  /** Mean of the raw logits and the three crops' logits of one orientation (reference infer.py). */
  private NDArray viewAverage(ParameterStore ps, NDArray images, NDList raw) {
    NDList r = raw != null ? raw : net.forward(ps, new NDList(images), false);
    NDArray sum = r.get(0);
    for (double[] view : EIGHT_VIEW_CROPS) {
      NDArray crop = cropToMeanAttention(images, r.get(2), view[0], view[1]);
      sum = sum.add(net.forward(ps, new NDList(crop), false).get(0));
    }
    return sum.div(1 + EIGHT_VIEW_CROPS.length);
  }

  /** The test-time crop: box of the mean attention map at a fixed threshold. */
  private NDArray cropToMeanAttention(NDArray images, NDArray att, double theta, double padding) {
    NDArray mean = att.mean(new int[] {1});
    Shape a = mean.getShape();
    int b = (int) a.get(0);
    int h = (int) a.get(1);
    int w = (int) a.get(2);
    float[] host = AttentionAugment.host(mean);
    float[][] maps = new float[b][];
    for (int i = 0; i < b; i++) {
      maps[i] = slice(host, i * h * w, h * w);
    }
    CropBox[] boxes = AttentionAugment.cropBoxes(
        maps, h, w, (int) images.getShape().get(2), (int) images.getShape().get(3), () -> theta, padding);
    return AttentionAugment.crop(images, boxes);
  }

  /** The mean of the M attention maps (class-agnostic, as CAL's visualisation), B×h×w. */
  @Override
  public NDArray attention(StepContext ctx, Batch batch, NDArray classes) {
    return net.forward(ctx.parameters(), new NDList(batch.images()), false).get(2).mean(new int[] {1});
  }
}
