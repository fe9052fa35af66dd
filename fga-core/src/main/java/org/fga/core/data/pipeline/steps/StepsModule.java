package org.fga.core.data.pipeline.steps;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** Registers the built-in pipeline steps. */
public final class StepsModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .step(ResizeStep.class)
        .step(CenterCropStep.class)
        .step(RandomCropStep.class)
        .step(RandomResizedCropStep.class)
        .step(FlipStep.class)
        .step(ColorJitterStep.class)
        .step(GrayscaleStep.class)
        .step(GaussianBlurStep.class)
        .step(SolarizeStep.class)
        .step(PadStep.class)
        .step(RandomErasingStep.class);
  }
}
