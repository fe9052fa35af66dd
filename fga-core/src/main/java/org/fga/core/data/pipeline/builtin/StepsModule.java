package org.fga.core.data.pipeline.builtin;

import com.google.inject.AbstractModule;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;
import org.fga.core.data.pipeline.steps.CenterCropStep;
import org.fga.core.data.pipeline.steps.ColorJitterStep;
import org.fga.core.data.pipeline.steps.FlipStep;
import org.fga.core.data.pipeline.steps.GaussianBlurStep;
import org.fga.core.data.pipeline.steps.GrayscaleStep;
import org.fga.core.data.pipeline.steps.PadStep;
import org.fga.core.data.pipeline.steps.RandomCropStep;
import org.fga.core.data.pipeline.steps.RandomErasingStep;
import org.fga.core.data.pipeline.steps.RandomResizedCropStep;
import org.fga.core.data.pipeline.steps.ResizeStep;
import org.fga.core.data.pipeline.steps.SolarizeStep;

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
