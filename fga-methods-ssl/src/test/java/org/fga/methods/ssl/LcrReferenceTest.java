package org.fga.methods.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.fga.core.method.Batch;
import org.fga.core.method.Losses;
import org.fga.core.method.StepContext;
import org.fga.testkit.PluginsAndManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * fga's LCR-BYOL and LCR-MoCo v2 against GANPerf/LCR's own modules run on the same small weights
 * and inputs (src/test/python/make_lcr_fixtures.py): the BYOL loss, the loss Grad-CAM, the branch's
 * map, the KL fitting loss (both forms), the total, every parameter gradient of one step, the EMA
 * update, the queue, InfoNCE and the test feature, each to 1e-4.
 */
class LcrReferenceTest {
  private static final Offset<Float> TOL = Offset.offset(1e-4f);
  private static final LcrFixture BYOL = new LcrFixture("byol_step.npz");
  private static final LcrFixture MOCO = new LcrFixture("moco_step.npz");
  private static final List<String> MLP_BN = List.of("layer1.0.weight", "layer1.0.bias", "layer1.1.weight",
      "layer1.1.bias", "layer1.1.running_mean", "layer1.1.running_var", "layer2.weight", "layer2.bias");
  private static final List<String> BRANCH = List.of("conv16.weight", "bn16.weight", "bn16.bias",
      "bn16.running_mean", "bn16.running_var");
  @RegisterExtension static final PluginsAndManager ENV = new PluginsAndManager();

  private static List<String> prefixed(String prefix, List<String> names) {
    return names.stream().map(n -> prefix + n).toList();
  }

  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    Stream.of(lists).forEach(all::addAll);
    return all;
  }

  /** torch names of the BYOL network's parameters, in DJL's order (online, target, predictor, branch). */
  private static List<String> byolNames(boolean lcr) {
    List<String> encoder = concat(List.of("0.conv1.weight"), prefixed("1.", MLP_BN));
    return concat(prefixed("online_encoder.", encoder), prefixed("target_encoder.", encoder),
        prefixed("online_predictor.", MLP_BN), lcr ? BRANCH : List.of());
  }

  /** The names under which the reference reports the gradients of the trained parameters. */
  private static List<String> byolGradNames() {
    return concat(List.of("backbone.conv1.weight"), prefixed("projector.", MLP_BN),
        prefixed("online_predictor.", MLP_BN), BRANCH);
  }

  static ByolMethod byol(boolean lcr, double tau) {
    ByolSettings s = new ByolSettings(tau, 16, 8, lcr ? new Rationale(5, 0.4, 0.01, FitForm.FLAT) : null);
    SslNetwork net = Networks.byol(s, LcrFixture.oneConvBackbone(), LcrFixture.oneConvBackbone());
    ByolMethod m = new ByolMethod(lcr ? "lcr-byol" : "byol", s, LcrFixture.oneConvBackbone(), net);
    Engine.getInstance().setRandomSeed(1);
    net.initialize(ENV.manager(), DataType.FLOAT32, new Shape(1, 3, 16, 16));
    BYOL.load(net, "w.", byolNames(lcr));
    return m;
  }

  private static StepContext ctx(NDManager m, boolean training) {
    return new StepContext(m, new ParameterStore(m, false), training, new Random(0), 0, 1, 10);
  }

  private static Batch views(NDArray x1, NDArray x2) {
    return new Batch(x1, null, null, null, null, new int[(int) x1.getShape().get(0)], null, List.of(x1, x2));
  }

  private static void near(NDArray actual, float[] expected, String what) {
    float[] a = actual.toFloatArray();
    assertThat(a).as(what + " size").hasSize(expected.length);
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).as(what + "[" + i + "]").isCloseTo(expected[i], TOL);
    }
  }

  /** Trainable parameters of a block in DJL's order (running statistics left out). */
  private static List<Parameter> trainable(Block b) {
    return b.getParameters().values().stream().filter(Parameter::requiresGradient).toList();
  }

  @Test
  void lcrByolStepMatchesTheReference() {
    ByolMethod m = byol(true, 0.996);
    SslNetwork net = m.network();
    try (NDManager step = ENV.manager().newSubManager()) {
      StepContext ctx = ctx(step, true);
      Batch batch = views(BYOL.get(step, "x1"), BYOL.get(step, "x2"));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        Losses l = m.trainStep(ctx, batch);
        assertThat(l.terms().get("byol").getFloat()).as("BYOL loss").isCloseTo(BYOL.scalar("out.loss"), TOL);
        assertThat(l.terms().get("fit").getFloat()).as("weighted KL")
            .isCloseTo(0.01f * BYOL.scalar("out.loss_cam"), Offset.offset(1e-6f));
        assertThat(l.total().getFloat()).as("total").isCloseTo(BYOL.scalar("out.total"), TOL);
        RationaleTerms r = m.lastRationale();
        near(r.gradCam(), BYOL.floats("out.gradcam"), "loss Grad-CAM");
        near(r.attention(), BYOL.floats("out.attmap"), "branch map");
        gc.backward(l.total());
      }
      List<Parameter> trained = new ArrayList<>();
      trained.addAll(trainable(net.online()));
      trained.addAll(trainable(net.predictor()));
      trained.addAll(trainable(net.branch()));
      List<String> names = byolGradNames().stream().filter(n -> !n.contains("running_")).toList();
      assertThat(trained).hasSize(names.size());
      for (int i = 0; i < names.size(); i++) {
        near(trained.get(i).getArray().getGradient(), BYOL.floats("grad." + names.get(i)), "∂total/∂" + names.get(i));
      }
    }
  }

  @Test
  void emaUpdateMatchesTheReference() {
    ByolMethod m = byol(false, 0.996);
    SslNetwork net = m.network();
    List<String> encoder = concat(List.of("0.conv1.weight"), prefixed("1.", MLP_BN));
    BYOL.load(net.online(), "ema.online.", encoder);
    BYOL.load(net.target(), "ema.target0.", encoder);
    try (NDManager step = ENV.manager().newSubManager()) {
      m.afterStep(ctx(step, true));
    }
    List<Parameter> target = net.target().getParameters().values();
    for (int i = 0; i < encoder.size(); i++) {
      near(target.get(i).getArray(), BYOL.floats("ema.target1." + encoder.get(i)), "target " + encoder.get(i));
    }
  }

  @Test
  void testFeaturesMatchTheReference() {
    try (NDManager step = ENV.manager().newSubManager()) {
      NDArray x1 = BYOL.get(step, "x1");
      Batch batch = new Batch(x1, null, null, null, null, new int[4], null);
      near(byol(true, 0.996).features(ctx(step, false), batch), BYOL.floats("feat.weighted"), "LCR feature");
      near(byol(false, 0.996).features(ctx(step, false), batch), BYOL.floats("feat.pooled"), "pooled feature");
    }
  }

  @Test
  void lcrMocoStepAndQueueMatchTheReference() {
    MocoSettings s = new MocoSettings(16, 0.999, 0.2, 8, 0, new Rationale(32, 0.4, 0.01, FitForm.ROWS));
    SslNetwork net = Networks.moco(s, LcrFixture.oneConvBackbone(), LcrFixture.oneConvBackbone());
    MocoMethod m = new MocoMethod("lcr-mocov2", s, LcrFixture.oneConvBackbone(), net);
    Engine.getInstance().setRandomSeed(1);
    net.initialize(ENV.manager(), DataType.FLOAT32, new Shape(1, 3, 16, 16));
    List<String> encoder = List.of("conv1.weight", "fc.0.weight", "fc.0.bias", "fc.2.weight", "fc.2.bias");
    MOCO.load(net, "w.", concat(prefixed("encoder_q.", encoder), prefixed("encoder_k.", encoder), BRANCH));
    try (NDManager tmp = ENV.manager().newSubManager()) {
      m.queue().keys().set(MOCO.get(tmp, "queue0").transpose().toFloatArray());
    }
    try (NDManager step = ENV.manager().newSubManager()) {
      StepContext ctx = ctx(step, true);
      Batch batch = views(MOCO.get(step, "x1"), MOCO.get(step, "x2"));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        Losses l = m.trainStep(ctx, batch);
        assertThat(l.terms().get("infonce").getFloat()).as("InfoNCE").isCloseTo(MOCO.scalar("out.ce"), TOL);
        assertThat(l.terms().get("fit").getFloat()).as("weighted KL, rows form")
            .isCloseTo(0.01f * MOCO.scalar("out.loss_cam"), Offset.offset(1e-6f));
        assertThat(l.total().getFloat()).as("total").isCloseTo(MOCO.scalar("out.total"), TOL);
        near(m.lastRationale().gradCam(), MOCO.floats("out.gradcam"), "loss Grad-CAM");
        near(m.lastRationale().attention(), MOCO.floats("out.attmap"), "branch map");
        gc.backward(l.total());
      }
      List<Parameter> trained = new ArrayList<>(trainable(net.online()));
      trained.addAll(trainable(net.branch()));
      List<String> names = concat(prefixed("encoder_q.", encoder), List.of("conv16.weight", "bn16.weight", "bn16.bias"));
      for (int i = 0; i < names.size(); i++) {
        near(trained.get(i).getArray().getGradient(), MOCO.floats("grad." + names.get(i)), "∂total/∂" + names.get(i));
      }
      m.afterStep(ctx);
      near(m.queue().keys(), transposed(MOCO.floats("queue1"), 8, 16), "queue after the step");
      assertThat(m.queue().pointer()).isEqualTo(4);
    }
  }

  private static float[] transposed(float[] dByK, int d, int k) {
    float[] out = new float[d * k];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < k; j++) {
        out[j * d + i] = dByK[i * k + j];
      }
    }
    return out;
  }
}
