package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.backbones.weights.TorchModelWeights;
import org.fga.backbones.weights.Safetensors;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.NdArray;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.train.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init.weights}: a run of seed k starts the parameters the file names from the file of seed
 * k (how a reference harness's draws reach fga's run), everything else from its own initialisation.
 */
class InitWeightsTest {
  static final Plugins PLUGINS = Plugins.load();

  static String spec(String init) {
    return """
        name: init-weights
        method: {type: rfga}
        backbone: {arch: resnet18, width: 8, outputStride: 8}
        data: {type: synthetic, task: classification, imageSize: 32, numClasses: 3, trainSize: 8,
               valSize: 0, testSize: 4, seed: 3}
        schedule: {epochs: 1, batchSize: 4, lr: 0.01}
        eval: {metrics: [accuracy]}
        """ + (init == null ? "" : "init: {weights: \"" + init + "\"}\n");
  }

  static ExperimentSpec read(String init, long seed) {
    return new SpecReader(PLUGINS).parse(spec(init), false, "init").forSeed(seed);
  }

  static Map<String, float[]> values(Session s) {
    Map<String, float[]> out = new LinkedHashMap<>();
    TorchModelWeights.names(s.method().block()).forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
    return out;
  }

  /** The classifier's tensors of the model, each filled with a value of its own. */
  static Map<String, NdArray> classifierFile(Session s) {
    Map<String, NdArray> out = new LinkedHashMap<>();
    float fill = 0.125f;
    for (Map.Entry<String, Parameter> e : TorchModelWeights.names(s.method().block()).entrySet()) {
      if (e.getKey().startsWith("classifier.")) {
        long[] shape = e.getValue().getArray().getShape().getShape();
        int[] dims = new int[shape.length];
        int n = 1;
        for (int i = 0; i < shape.length; i++) {
          dims[i] = (int) shape[i];
          n *= dims[i];
        }
        float[] v = new float[n];
        java.util.Arrays.fill(v, fill);
        out.put(e.getKey(), NdArray.ofFloats(e.getKey(), dims, v));
        fill *= 2;
      }
    }
    assertThat(out.keySet()).as("the rfga model's classifier").containsExactly("classifier.weight", "classifier.bias");
    return out;
  }

  @Test
  void theRunOfSeedKReadsSeedKsFileForTheParametersItNamesAndKeepsItsOwnDrawsForTheRest(@TempDir Path dir) throws Exception {
    Map<String, float[]> own;
    Map<String, NdArray> file;
    try (Session s = new Session(PLUGINS, read(null, 5))) {
      own = values(s);
      file = classifierFile(s);
    }
    Safetensors.write(dir.resolve("init_s5.safetensors"), file);
    String template = dir.resolve("init_s{seed}.safetensors").toString();
    try (Session s = new Session(PLUGINS, read(template, 5))) {
      Map<String, float[]> got = values(s);
      for (Map.Entry<String, float[]> e : got.entrySet()) {
        float[] want = file.containsKey(e.getKey()) ? file.get(e.getKey()).toFloats() : own.get(e.getKey());
        assertThat(e.getValue()).as(e.getKey()).containsExactly(want);
      }
    }
    // seed 6 reads its own file, which is not there
    assertThatThrownBy(() -> new Session(PLUGINS, read(template, 6)))
        .isInstanceOf(FgaUserException.class)
        .hasMessage("init.weights: " + dir.resolve("init_s6.safetensors") + " does not exist");
  }

  @Test
  void aTensorThatNamesNoParameterOrHasAnotherShapeIsRefusedNamingIt(@TempDir Path dir) throws Exception {
    Map<String, NdArray> file;
    try (Session s = new Session(PLUGINS, read(null, 0))) {
      file = classifierFile(s);
    }
    Map<String, NdArray> unknown = new LinkedHashMap<>(file);
    unknown.put("classifer.weight", NdArray.ofFloats("x", new int[] {1}, new float[] {1}));
    Safetensors.write(dir.resolve("unknown.safetensors"), unknown);
    assertThatThrownBy(() -> new Session(PLUGINS, read(dir.resolve("unknown.safetensors").toString(), 0)))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("names 1 tensor(s) the model does not have: classifer.weight")
        .hasMessageContaining("the model's parameters are ");

    Map<String, NdArray> typo = new LinkedHashMap<>(file);
    typo.put("rfga.conv_x.weight", NdArray.ofFloats("x", new int[] {1}, new float[] {1}));
    Safetensors.write(dir.resolve("typo.safetensors"), typo);
    assertThatThrownBy(() -> new Session(PLUGINS, read(dir.resolve("typo.safetensors").toString(), 0)))
        .hasMessageContaining("does not have: rfga.conv_x.weight")
        .hasMessageContaining("the model's parameters are rfga.conv_c.weight, rfga.conv_h.weight, rfga.conv_w.weight");

    String name = file.keySet().iterator().next();
    Map<String, NdArray> reshaped = new LinkedHashMap<>(file);
    reshaped.put(name, NdArray.ofFloats(name, new int[] {2}, new float[] {1, 2}));
    Safetensors.write(dir.resolve("shape.safetensors"), reshaped);
    assertThatThrownBy(() -> new Session(PLUGINS, read(dir.resolve("shape.safetensors").toString(), 0)))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining(name + " has shape [2], the model's ");
  }

  @Test
  void theResolvedSpecKeepsThePathWithItsSeedPlaceholder() throws Exception {
    ExperimentSpec s = read("runs/init/rfga_s{seed}.safetensors", 2);
    assertThat(s.init().weights()).isEqualTo("runs/init/rfga_s{seed}.safetensors");
    assertThat(s.init().fileFor(s.seed())).isEqualTo(Path.of("runs/init/rfga_s2.safetensors"));
    assertThat(PLUGINS.yaml().writeValueAsString(s)).contains("init:", "weights: \"runs/init/rfga_s{seed}.safetensors\"");
  }

  @Test
  void aRunWhoseInitFileIsGoneStillResumesAndProbesFromItsCheckpoint(@TempDir Path dir) throws Exception {
    Map<String, NdArray> file;
    try (Session s = new Session(PLUGINS, read(null, 0))) {
      file = classifierFile(s);
    }
    Path init = dir.resolve("init_s0.safetensors");
    Safetensors.write(init, file);
    ExperimentRunner runner = new ExperimentRunner(PLUGINS, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), true);
    Path run = dir.resolve("run");
    runner.start(read(init.toString(), 0), run);
    java.nio.file.Files.delete(init); // a harness's scratch output, cleaned up after the run
    java.nio.file.Files.delete(run.resolve("metrics.json")); // as if killed after its last checkpoint

    assertThat(runner.resume(run).get("metrics").has("accuracy")).isTrue();
    assertThat(runner.probe(run, null, java.util.List.of("eval.linearProbe.batchSize=4", "eval.linearProbe.epochs=1")).get("metrics").has("linearProbe")).isTrue();
    // a run killed before its first checkpoint starts over, and that does need the file
    try (java.util.stream.Stream<Path> ckpts = java.nio.file.Files.list(run.resolve("checkpoints"))) {
      for (Path c : ckpts.toList()) {
        java.nio.file.Files.delete(c);
      }
    }
    assertThatThrownBy(() -> runner.resume(run))
        .isInstanceOf(FgaUserException.class)
        .hasMessage("init.weights: " + init + " does not exist");
  }
}
