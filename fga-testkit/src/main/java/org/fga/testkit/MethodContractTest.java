package org.fga.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.fga.core.error.FgaUserException;
import org.fga.core.method.Batch;
import org.fga.core.method.Method;
import org.fga.core.method.MethodConfig;
import org.fga.core.method.MethodProvider;
import org.fga.core.method.Outputs;
import org.fga.core.method.StepContext;
import org.fga.core.plugin.Plugins;
import org.fga.core.rundir.RunDir;
import org.fga.core.backbone.BackboneSpec;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.core.spec.EvalSpec;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.ScheduleSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.fga.core.train.Trainer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every method must do, checked for each method the module under test registers. A method
 * module runs it on itself with one line in its tests:
 *
 * <pre>{@code class CalContractTest extends MethodContractTest {}}</pre>
 *
 * <p>The methods are those whose provider was compiled into the same build output as the subclass
 * (its {@code target/classes} beside its {@code target/test-classes}), found through the plugin
 * registry as {@code ./fga} finds them: a module whose services file or binding is missing
 * registers nothing and fails {@link #theModuleRegistersAMethod()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MethodContractTest {
  private static final int SIZE = 32;
  private static final int CLASSES = 4;

  private final Plugins plugins = Plugins.load();

  /** This module's methods, each labelled by its name. */
  protected Stream<Named<MethodProvider<?>>> methods() {
    Path mine = buildOutput(getClass());
    return plugins.methods().all().stream()
        .filter(p -> Objects.equals(buildOutput(p.getClass()), mine))
        .map(p -> Named.of(p.name(), p));
  }

  @Test
  void theModuleRegistersAMethod() {
    assertThat(methods())
        .as("no method of " + buildOutput(getClass()) + " is registered: is the provider bound in the"
            + " module, and the module listed in META-INF/services/org.fga.core.plugin.FgaModule?")
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void isNamedByItsConfigRecordAndDefaultsToIt(MethodProvider<?> provider) {
    JsonTypeName name = provider.configType().getAnnotation(JsonTypeName.class);
    assertThat(name).as("@JsonTypeName on " + provider.configType().getName()).isNotNull();
    assertThat(provider.name()).isEqualTo(name.value());
    assertThat(provider.defaultConfig()).isInstanceOf(provider.configType());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void theDefaultConfigRoundTripsThroughTheSpecFormats(MethodProvider<?> provider) throws Exception {
    MethodConfig defaults = provider.defaultConfig();
    String yaml = plugins.yaml().writeValueAsString(defaults);
    assertThat(plugins.yaml().readValue(yaml, MethodConfig.class)).isEqualTo(defaults);
    String json = plugins.json().writeValueAsString(defaults);
    assertThat(plugins.json().readValue(json, MethodConfig.class)).isEqualTo(defaults);
    // the bare type stands for the defaults, as `method: {type: <name>}` in a spec
    assertThat(plugins.yaml().readValue("{type: " + provider.name() + "}", MethodConfig.class)).isEqualTo(defaults);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void anUnknownKeyIsOneLineNamingIt(MethodProvider<?> provider) {
    String yaml = spec(provider.name(), "{type: " + provider.name() + ", noSuchOption: 1}");
    assertThatThrownBy(() -> new SpecReader(plugins).parse(yaml, false, "contract.yaml"))
        .isInstanceOf(FgaUserException.class)
        .hasMessageStartingWith("contract.yaml: unknown key 'method.noSuchOption'")
        .hasMessageNotContaining("\n");
  }

  /**
   * With its default (paper) config on a tiny ResNet-18 and the built-in synthetic data (two views
   * of each training image, which self-supervised methods need and the others ignore): two steps
   * through the trainer with finite losses; then, in evaluation mode, logits over the classes (or an
   * embedding) and finite attention maps of one per image.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void trainsTwoStepsThenInfersAndAttends(MethodProvider<?> provider) throws Exception {
    ExperimentSpec spec = new ExperimentSpec("contract-" + provider.name(), provider.defaultConfig(),
        new BackboneSpec("resnet18", null, null, null, 8, null),
        SyntheticConfig.builder().optTask("classification").optImageSize(SIZE).optNumClasses(CLASSES)
            .optTrainSize(8).optValSize(0).optTestSize(4).optSeed(1).build(),
        new org.fga.core.data.pipeline.PipelineSpec(List.of(), List.of(), List.of(
            List.of(new org.fga.core.data.pipeline.steps.FlipStep(null)),
            List.of(new org.fga.core.data.pipeline.steps.FlipStep(null)))),
        ScheduleSpec.builder().optEpochs(1).optBatchSize(4).optLr(0.01).optLogEvery(1).build(),
        EvalSpec.defaults().withMetrics(List.of()), null, null, null, null);
    Path dir = java.nio.file.Files.createTempDirectory("fga-contract-");
    try (Session s = new Session(plugins, spec)) {
      Trainer.Result r = Trainer.builder().setSession(s).setRunDir(new RunDir(dir)).optQuiet(true).build().fit();
      assertThat(r.steps()).isEqualTo(2);
      assertThat(r.lastTerms().get("loss")).isFinite();
      try (NDManager m = s.manager().newSubManager()) {
        Engine.getInstance().setRandomSeed(3);
        Batch batch = TinyData.noiseBatch(m, 4, SIZE, CLASSES);
        StepContext ctx = TinyData.context(m, false, 3, 0, 2, 2);
        Method trained = s.method();
        Outputs out = trained.infer(ctx, batch);
        if (out.logits() != null) {
          assertThat(out.logits().getShape()).isEqualTo(new Shape(4, CLASSES));
        } else {
          assertThat(out.embedding().getShape().get(0)).isEqualTo(4);
        }
        NDArray maps = trained.attention(ctx, batch, batch.labels());
        assertThat(maps.getShape().dimension()).isEqualTo(3);
        assertThat(maps.getShape().get(0)).isEqualTo(4);
        for (float v : maps.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray()) {
          assertThat(v).isFinite();
        }
      }
    } finally {
      org.fga.testkit.TinyData.deleteQuietly(dir);
    }
  }

  /** A spec file's text, for the test of how a file with a bad key is reported. */
  private static String spec(String name, String method) {
    return """
        name: contract-%s
        method: %s
        backbone: {arch: resnet18, width: 8}
        data: {type: synthetic, task: classification, imageSize: %d, numClasses: %d, trainSize: 8,
               valSize: 0, testSize: 4, seed: 1}
        pipeline: {train: [], test: [], views: [[{type: flip}], [{type: flip}]]}
        schedule: {epochs: 1, batchSize: 4, lr: 0.01, logEvery: 1}
        eval: {metrics: []}
        """.formatted(name, method, SIZE, CLASSES);
  }

  /** The folder holding {@code type}'s build output ({@code target/}), or null when unknown. */
  private static Path buildOutput(Class<?> type) {
    try {
      var source = type.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
