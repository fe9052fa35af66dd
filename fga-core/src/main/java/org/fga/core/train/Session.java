package org.fga.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.fga.core.backbone.Backbone;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.provider.DatasetProvider;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;
import org.fga.core.method.Method;
import org.fga.core.naming.ConfigTypes;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;

/**
 * An experiment's objects, built from its spec: the dataset's training split, the backbone and the
 * method, with the block initialised (seeded) and pretrained weights loaded. Owns the manager every
 * parameter lives in.
 */
public final class Session implements AutoCloseable {
  private final ExperimentSpec spec;
  private final Plugins plugins;
  private final DatasetProvider datasets;
  private final FgaDataset train;
  private final Backbone backbone;
  private final Method method;
  private final NDManager manager;
  private final java.util.List<ai.djl.Device> devices;

  public Session(Plugins plugins, ExperimentSpec spec) {
    this(plugins, spec, true);
  }

  /**
   * A session whose every parameter a checkpoint is about to set (resuming, probing a finished
   * run): the pretrained backbone and {@code init.weights} files are not read, so a run stays
   * usable after those files are gone (an init file is often a harness's scratch output).
   */
  public static Session restoring(Plugins plugins, ExperimentSpec spec) {
    return new Session(plugins, spec, false);
  }

  private Session(Plugins plugins, ExperimentSpec spec, boolean loadStartingWeights) {
    org.fga.engine.EngineGuard.ensure(); // convolutions checked right before anything trains
    this.devices = Devices.all(spec.device()); // before any work: a missing GPU is one line
    this.spec = spec;
    this.plugins = plugins;
    this.datasets = plugins.datasets().get(ConfigTypes.nameOf(spec.data()));
    this.train = datasets.open(spec.data(), Split.TRAIN);
    org.fga.core.backbone.BackboneProvider backbones = plugins.backbones().get(spec.backbone().arch());
    spec.backbone().requireUsableBy(backbones);
    this.backbone = backbones.create(spec.backbone());
    this.method =
        plugins.methods().get(ConfigTypes.nameOf(spec.method())).createFrom(spec.method(), backbone, train.info());
    this.manager = NDManager.newBaseManager(devices.get(0));
    // Parameter initialisers draw from libtorch's generator: seed it so weights are reproducible.
    Engine.getInstance().setRandomSeed((int) BatchLoader.mix(spec.seed(), 0x1417, 0));
    org.fga.core.data.pipeline.ImageSize size = spec.pipeline().trainSize(spec.data().nativeSize());
    Block block = method.block();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size.height(), size.width()));
    org.fga.engine.EngineGuard.requireRoutable(block); // a convolution outside the route: oneDNN off instead
    if (!loadStartingWeights) {
      return;
    }
    backbone.loadPretrained();
    if (spec.init() != null) {
      plugins.modelWeights().loadSome(block, spec.init().fileFor(spec.seed()));
    }
  }

  public ExperimentSpec spec() {
    return spec;
  }

  public Plugins plugins() {
    return plugins;
  }

  public FgaDataset train() {
    return train;
  }

  /** Another split of the experiment's dataset. */
  public FgaDataset open(Split split) {
    return split == Split.TRAIN ? train : datasets.open(spec.data(), split);
  }

  public DataConfig data() {
    return spec.data();
  }

  public Backbone backbone() {
    return backbone;
  }

  public Method method() {
    return method;
  }

  /** The devices the spec trains on; the first holds the parameters (more than one: data-parallel). */
  public java.util.List<ai.djl.Device> devices() {
    return devices;
  }

  public NDManager manager() {
    return manager;
  }

  /**
   * A manager for one step or batch. Results of operations on parameters attach to the
   * parameters' manager; the parameters are attached to this one temporarily, so those results
   * are freed when it closes and the parameters go back to the session.
   */
  public NDManager newStepManager() {
    NDManager m = manager.newSubManager();
    for (ai.djl.nn.Parameter p : method.block().getParameters().values()) {
      p.getArray().tempAttach(m);
    }
    return m;
  }

  @Override
  public void close() {
    manager.close();
  }
}
