package org.fga.backbones;

import com.google.inject.AbstractModule;
import org.fga.backbones.resnet.ResNetProvider;
import org.fga.backbones.vgg.VggProvider;
import org.fga.backbones.weights.TorchModelWeights;
import org.fga.core.io.ModelWeights;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/**
 * Registers the torchvision backbones: resnet18/34/50/101, vgg16, vgg16_bn; and reading a spec's
 * {@code init.weights} by PyTorch names, which this plugin defines.
 */
public final class BackbonesModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .backbone(ResNetProvider.ResNet18.class)
        .backbone(ResNetProvider.ResNet34.class)
        .backbone(ResNetProvider.ResNet50.class)
        .backbone(ResNetProvider.ResNet101.class)
        .backbone(VggProvider.Vgg16.class)
        .backbone(VggProvider.Vgg16Bn.class);
    bind(ModelWeights.class).to(TorchModelWeights.class);
  }
}
