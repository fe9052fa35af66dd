package org.fga.backbones;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Map;
import org.fga.backbones.nn.TorchNames;
import org.fga.core.backbone.BackboneSpec;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

/** DJL's own parameter files (what checkpoints use) round-trip our blocks, BN buffers included. */
class DjlParameterFileTest {
  @Test
  void saveAndLoadParametersRoundTrip() throws Exception {
    for (String arch : new String[] {"resnet18", "vgg16_bn"}) {
      TorchBackbone a = create(arch);
      TorchBackbone b = create(arch);
      try (NDManager m = NDManager.newBaseManager()) {
        a.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        for (Parameter p : a.namedParameters().values()) {
          p.getArray().set(new NDIndex("..."), m.randomUniform(0, 1, p.getArray().getShape()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.block().saveParameters(new DataOutputStream(bytes));
        b.block()
            .loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        Map<String, Parameter> pa = TorchNames.of(a.block());
        Map<String, Parameter> pb = TorchNames.of(b.block());
        assertThat(pb.keySet()).containsExactlyElementsOf(pa.keySet());
        pa.forEach(
            (k, v) ->
                assertThat(pb.get(k).getArray().toFloatArray())
                    .as(arch + " " + k)
                    .containsExactly(v.getArray().toFloatArray()));
      }
    }
  }

  private static TorchBackbone create(String arch) {
    return (TorchBackbone)
        Plugins.load().backbones().get(arch).create(BackboneSpec.of(arch).withWidth(8));
  }
}
