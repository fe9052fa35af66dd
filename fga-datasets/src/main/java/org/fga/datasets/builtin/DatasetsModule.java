package org.fga.datasets.builtin;

import com.google.inject.AbstractModule;
import org.fga.datasets.aircraft.AircraftDatasetProvider;
import org.fga.datasets.cub.CubDatasetProvider;
import org.fga.datasets.fashion.FashionMnistProvider;
import org.fga.datasets.imagefolder.ImageFolderDatasetProvider;
import org.fga.datasets.nabirds.NabirdsDatasetProvider;
import org.fga.datasets.reid.ReidDatasetProvider;
import org.fga.datasets.stanford.CarsDatasetProvider;
import org.fga.datasets.stanford.DogsDatasetProvider;
import org.fga.datasets.synthetic.SyntheticDatasetProvider;
import org.fga.datasets.voc.VocDatasetProvider;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/**
 * The module's one plugin entry point, as each method module has one: registers the synthetic data and
 * every on-disk reader (their config records are registered by the core).
 */
public final class DatasetsModule extends AbstractModule implements FgaModule {
  @Override
  protected void configure() {
    PluginBinder.of(binder())
        .dataset(SyntheticDatasetProvider.class)
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
