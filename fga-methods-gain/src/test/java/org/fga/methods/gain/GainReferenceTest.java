package org.fga.methods.gain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fga.backbones.vgg.VggProvider;
import org.fga.core.io.NdArray;
import org.fga.backbones.weights.WeightFiles;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.data.DatasetInfo;
import org.fga.core.data.FloatImage;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Task;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.StepContext;
import org.junit.jupiter.api.Test;

/**
 * One GAIN and one GAINext step against the fixtures {@code make_gain_fixtures.py} made by running
 * the step of {@code ilyak93/GAIN-pytorch} ({@code models/batch_GAIN_VOC.py}, {@code
 * models/batch_GAIN_VOC_mutilabel_singlebatch.py}) on the same weights and images: Grad-CAM maps,
 * normalised maps, soft masks T(A), erased images I*, logits on I*, L_cl, L_am, L_e, the totals and
 * the gradient of every parameter, all to 1e-4. The network is VGG-16's first three stages at width
 * 2 with the head on stage 3 (8×4×3 maps for 3×32×24 images, not square so that a swapped axis
 * shows). Default settings throughout: the defaults are the reference's.
 */
class GainReferenceTest {
  private static final Path DIR = Path.of("src/test/resources/gain-reference");
  private static final int H = 32;
  private static final int W = 24;
  private static final int K = 4;
  private static final double TOL = 1e-4;

  /** The single-label case: 3 images, GAP → linear head (CAM fast path). */
  @Test
  void singleLabelStepEqualsTheReference() {
    Map<String, NdArray> f = WeightFiles.read(DIR.resolve("single.npz"));
    try (NDManager m = NDManager.newBaseManager()) {
      float[] labels = f.get("labels").toFloats();
      long[] lab = new long[labels.length];
      for (int i = 0; i < lab.length; i++) {
        lab[i] = (long) labels[i];
      }
      float[] masks = f.get("masks").toFloats();
      Batch batch = batch(m, f, m.create(lab), null, masks, classMapSamples(masks));
      List<long[]> pairs = List.of(new long[] {0, lab[0]}, new long[] {1, lab[1]}, new long[] {2, lab[2]});
      checkStep(m, f, batch, Task.CLASSIFICATION, HeadType.GAP_LINEAR, pairs, pairs);
    }
  }

  /**
   * The multi-label case: image 0 has classes 1 and 3, image 1 class 0; one erased image per
   * (image, class) pair; a 3×3 conv + ReLU head, so the Grad-CAM weights come from the auxiliary
   * backward; VOC-style class maps with void borders for L_e.
   */
  @Test
  void multiLabelStepEqualsTheReference() {
    Map<String, NdArray> f = WeightFiles.read(DIR.resolve("multi.npz"));
    try (NDManager m = NDManager.newBaseManager()) {
      float[] maps = f.get("class_maps").toFloats();
      Batch batch =
          batch(m, f, null, m.create(f.get("targets").toFloats(), new Shape(2, K)), binary(maps), classMapSamples(maps));
      // fga orders pairs slot by slot: (0, 1), (1, 0), (0, 3); the fixture image by image
      List<long[]> ours = List.of(new long[] {0, 1}, new long[] {1, 0}, new long[] {0, 3});
      List<long[]> theirs = List.of(new long[] {0, 1}, new long[] {0, 3}, new long[] {1, 0});
      checkStep(m, f, batch, Task.MULTILABEL, HeadType.CONV_GAP_LINEAR, ours, theirs);
    }
  }

  private static void checkStep(
      NDManager m, Map<String, NdArray> f, Batch batch, Task task, HeadType head, List<long[]> ours, List<long[]> theirs) {
    int[] order = new int[ours.size()]; // our pair p is the fixture's pair order[p]
    for (int p = 0; p < ours.size(); p++) {
      for (int q = 0; q < theirs.size(); q++) {
        if (ours.get(p)[0] == theirs.get(q)[0] && ours.get(p)[1] == theirs.get(q)[1]) {
          order[p] = q;
        }
      }
    }
    // Components: maps, normalised maps, T, I* and the logits on I*, as GainMethod builds them.
    GainMethod gain = method(m, f, task, head, false);
    StepContext ctx = context(m);
    ParameterStore ps = ctx.parameters();
    GainNetwork net = gain.network();
    NDArray features = net.features(ps, batch.images(), true);
    assertClose("logits_cl", net.logits(ps, features, true).toFloatArray(), f.get("logits_cl").toFloats());
    int b = batch.size();
    NDArray images = batch.images();
    float[] heat = new float[ours.size() * H * W];
    float[] scaled = new float[heat.length];
    float[] soft = new float[heat.length];
    float[] erased = new float[3 * heat.length];
    float[] amLogits = new float[ours.size() * K];
    for (int p = 0; p < ours.size(); p++) {
      int i = (int) ours.get(p)[0];
      float[] sel = new float[b * K];
      sel[i * K + (int) ours.get(p)[1]] = 1;
      NDArray selector = m.create(sel, new Shape(b, K));
      NDArray weights =
          head == HeadType.GAP_LINEAR
              ? GradCam.weightsClosedForm(features, net.head().fc().getParameters().get("weight").getArray(), selector)
              : GradCam.weightsByBackward(net, ps, features, selector, true);
      NDArray map = GradCam.map(features, weights).get(i).expandDims(0);
      NDArray up = SoftMask.upsample(map, H, W, true);
      NDArray norm = SoftMask.normalizedAtImage(map, H, W, true);
      NDArray t = SoftMask.mask(norm, 0.5, 10);
      NDArray star = SoftMask.erase(images.get(i).expandDims(0), t);
      NDArray logits = net.logits(ps, net.features(ps, star, true), true);
      int q = order[p];
      System.arraycopy(up.toFloatArray(), 0, heat, q * H * W, H * W);
      System.arraycopy(norm.toFloatArray(), 0, scaled, q * H * W, H * W);
      System.arraycopy(t.toFloatArray(), 0, soft, q * H * W, H * W);
      System.arraycopy(star.toFloatArray(), 0, erased, q * 3 * H * W, 3 * H * W);
      System.arraycopy(logits.toFloatArray(), 0, amLogits, q * K, K);
    }
    assertClose("heatmap (Grad-CAM, upsampled)", heat, f.get("heatmap").toFloats());
    assertClose("normalised map", scaled, f.get("scaled").toFloats());
    assertClose("soft mask T(A)", soft, f.get("soft_mask").toFloats());
    assertClose("I*", erased, f.get("erased").toFloats());
    assertClose("logits on I*", amLogits, f.get("logits_am").toFloats());

    // The step as the trainer runs it: loss terms and every parameter's gradient, GAIN then GAINext.
    for (boolean ext : new boolean[] {false, true}) {
      GainMethod method = method(m, f, task, head, ext);
      Losses losses;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        losses = method.trainStep(context(m), batch);
        gc.backward(losses.total());
      }
      assertClose("L_cl", losses.terms().get("cls"), f.get("l_cl"));
      assertClose("L_am", losses.terms().get("am"), f.get("l_am"));
      if (ext) {
        assertClose("ω_e·L_e", losses.terms().get("ext"), scaled(f.get("l_e"), 10));
      }
      assertClose(ext ? "total (GAINext)" : "total", losses.total(), f.get(ext ? "total_ext" : "total"));
      String prefix = ext ? "gext." : "g.";
      int compared = 0;
      for (var e : method.block().getParameters()) {
        String name = torchName(e.getKey());
        NdArray want = f.get(prefix + name);
        if (want == null) { // stages 4 and 5, after the tap: not in the reference network
          continue;
        }
        assertClose("∂/∂" + name + (ext ? " (GAINext)" : ""), e.getValue().getArray().getGradient().toFloatArray(), want.toFloats());
        compared++;
      }
      assertThat(compared).isEqualTo(head == HeadType.GAP_LINEAR ? 16 : 18);
    }
  }

  /** fga's VGG-16 at width 2 (outputStride 8 so that 32×24 survives five stages), head on stage 3. */
  private static GainMethod method(NDManager m, Map<String, NdArray> f, Task task, HeadType head, boolean ext) {
    GainSettings settings =
        ext
            ? new GainExtConfig("stage3", head, null, null, null, null, null, null, null, null, null, null, null, null, null)
                .settings()
            : new GainConfig("stage3", head, null, null, null, null, null, null, null, null, null, null).settings();
    var backbone =
        new VggProvider.Vgg16().create(new BackboneSpec("vgg16", null, null, 8, 2, null));
    GainMethod method =
        new GainMethod(settings, backbone, new DatasetInfo("ref", task, K, List.of("a", "b", "c", "d")));
    method.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, H, W));
    int loaded = 0;
    for (var e : method.block().getParameters()) {
      NdArray w = f.get("w." + torchName(e.getKey()));
      if (w != null) {
        Parameter p = e.getValue();
        assertThat(p.getArray().getShape().getShape()).as(e.getKey()).isEqualTo(w.longShape());
        p.getArray().set(w.toFloats());
        loaded++;
      }
    }
    assertThat(loaded).isEqualTo(head == HeadType.GAP_LINEAR ? 16 : 18);
    return method;
  }

  /**
   * DJL's parameter path to the torch name: DJL prefixes every child's name with its 2-digit
   * position ({@code 01backbone_01features_110_weight} is {@code features.10.weight}); the backbone
   * level is dropped, the head's keep {@code head.}.
   */
  static String torchName(String key) {
    List<String> parts = new ArrayList<>();
    for (String s : key.split("_")) {
      String name = s.matches("^[0-9]{2}.+") ? s.substring(2) : s;
      if (!name.equals("backbone")) {
        parts.add(name);
      }
    }
    return String.join(".", parts);
  }

  private static Batch batch(NDManager m, Map<String, NdArray> f, NDArray labels, NDArray targets, float[] masks, List<Sample> samples) {
    NdArray img = f.get("images");
    int b = (int) img.shape()[0];
    int[] indices = new int[b];
    float[] has = new float[b];
    for (int i = 0; i < b; i++) {
      indices[i] = i;
      has[i] = 1;
    }
    return new Batch(
        m.create(img.toFloats(), new Shape(img.longShape())),
        labels,
        targets,
        m.create(masks, new Shape(b, 1, H, W)),
        m.create(has),
        indices,
        samples);
  }

  private static List<Sample> classMapSamples(float[] maps) {
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < maps.length / (H * W); i++) {
      byte[] d = new byte[H * W];
      for (int k = 0; k < d.length; k++) {
        d[k] = (byte) (int) maps[i * H * W + k];
      }
      out.add(sample(i, new Mask(H, W, d)));
    }
    return out;
  }

  /** The batch's 0/1 masks as the loader makes them from class maps (void is 0 there). */
  private static float[] binary(float[] maps) {
    float[] out = new float[maps.length];
    for (int k = 0; k < maps.length; k++) {
      out[k] = maps[k] != 0 && maps[k] != 255 ? 1 : 0;
    }
    return out;
  }

  private static Sample sample(int i, Mask mask) {
    return new Sample("s" + i, new FloatImage(3, H, W, new float[3 * H * W]), -1, null, null, null, mask, null, -1, -1);
  }

  private static StepContext context(NDManager m) {
    return new StepContext(m, new ParameterStore(m, false), true, new Random(0), 0, 0, 1);
  }

  private static NdArray scaled(NdArray t, float s) {
    float[] v = t.toFloats();
    for (int i = 0; i < v.length; i++) {
      v[i] *= s;
    }
    return NdArray.ofFloats("scaled", t.shape(), v);
  }

  private static void assertClose(String what, NDArray got, NdArray want) {
    assertClose(what, got.toFloatArray(), want.toFloats());
  }

  private static void assertClose(String what, float[] got, float[] want) {
    assertThat(got).as(what).hasSameSizeAs(want);
    for (int i = 0; i < want.length; i++) {
      assertThat((double) Math.abs(got[i] - want[i]))
          .as("%s[%d]: ours %s, reference %s", what, i, got[i], want[i])
          .isLessThanOrEqualTo(TOL * Math.max(1, Math.abs(want[i])));
    }
  }
}
