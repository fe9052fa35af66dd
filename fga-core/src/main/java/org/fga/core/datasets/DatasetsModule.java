package org.fga.core.datasets;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.datasets.aircraft.AircraftConfig;
import org.fga.core.datasets.aircraft.AircraftDatasetProvider;
import org.fga.core.datasets.cub.CubConfig;
import org.fga.core.datasets.cub.CubDatasetProvider;
import org.fga.core.datasets.imagefolder.ImageFolderConfig;
import org.fga.core.datasets.imagefolder.ImageFolderDatasetProvider;
import org.fga.core.datasets.nabirds.NabirdsConfig;
import org.fga.core.datasets.nabirds.NabirdsDatasetProvider;
import org.fga.core.datasets.reid.DukeConfig;
import org.fga.core.datasets.reid.MarketConfig;
import org.fga.core.datasets.reid.Msmt17Config;
import org.fga.core.datasets.reid.ReidDatasetProvider;
import org.fga.core.datasets.reid.VeriConfig;
import org.fga.core.datasets.stanford.CarsConfig;
import org.fga.core.datasets.stanford.CarsDatasetProvider;
import org.fga.core.datasets.stanford.DogsConfig;
import org.fga.core.datasets.stanford.DogsDatasetProvider;
import org.fga.core.datasets.voc.VocConfig;
import org.fga.core.datasets.voc.VocDatasetProvider;
import org.fga.core.plugin.ConfigTypes;
import org.fga.core.plugin.FgaModule;
import org.fga.core.plugin.PluginBinder;

/** Registers every on-disk dataset reader and its config type. */
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
        .dataset(DogsDatasetProvider.class);
  }

  @Override
  public List<com.fasterxml.jackson.databind.Module> jacksonModules() {
    return List.of(
        ConfigTypes.of(
            "datasets",
            CubConfig.class,
            ImageFolderConfig.class,
            VocConfig.class,
            MarketConfig.class,
            DukeConfig.class,
            VeriConfig.class,
            Msmt17Config.class,
            NabirdsConfig.class,
            AircraftConfig.class,
            CarsConfig.class,
            DogsConfig.class));
  }
}
