package org.fga.core.datasets.builtin;

import com.google.inject.AbstractModule;
import org.fga.core.datasets.aircraft.AircraftDatasetProvider;
import org.fga.core.datasets.cub.CubDatasetProvider;
import org.fga.core.datasets.fashion.FashionMnistProvider;
import org.fga.core.datasets.imagefolder.ImageFolderDatasetProvider;
import org.fga.core.datasets.nabirds.NabirdsDatasetProvider;
import org.fga.core.datasets.reid.ReidDatasetProvider;
import org.fga.core.datasets.stanford.CarsDatasetProvider;
import org.fga.core.datasets.stanford.DogsDatasetProvider;
import org.fga.core.datasets.voc.VocDatasetProvider;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** Registers every on-disk dataset reader (their config records are registered by the core). */
public final class DatasetsModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .dataset(CubDatasetProvider.class)
        .dataset(ImageFolderDatasetProvider.class)
        .dataset(VocDatasetProvider.class)
        .dataset(ReidDatasetProvider.Market.class)
        .dataset(ReidDatasetProvider.Duke.class)
        .dataset(ReidDatasetProvider.Veri.class)
        .dataset(ReidDatasetProvider.Msmt17.class)
        .dataset(NabirdsDatasetProvider.class)
        .dataset(AircraftDatasetProvider.class)
        .dataset(CarsDatasetProvider.class)
        .dataset(DogsDatasetProvider.class)
        .dataset(FashionMnistProvider.class);
  }
}
