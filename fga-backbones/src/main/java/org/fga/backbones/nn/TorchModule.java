package org.fga.backbones.nn;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import java.util.HashMap;
import java.util.Map;

/**
 * A DJL block whose children carry PyTorch attribute names ({@code conv1}, {@code layer1}, {@code
 * 0}).
 *
 * <p>DJL prefixes every child key with its position ({@code 01conv1}), so the PyTorch name is kept
 * beside the key; {@link TorchNames} reads it back. A child registered under the empty name is
 * transparent: its parameters appear at this module's level, which is how a classifier network
 * wraps a backbone without renaming its parameters.
 */
public abstract class TorchModule extends AbstractBlock {
  private final Map<String, String> torchNames = new HashMap<>();
  private boolean initialized;

  protected TorchModule() {
    super((byte) 1);
  }

  /** Adds {@code block} as the child called {@code name} in PyTorch. */
  protected final <B extends Block> B module(String name, B block) {
    addChildBlock(name.isEmpty() ? "shared" : name, block);
    torchNames.put(children.keys().get(children.size() - 1), name);
    return block;
  }

  /**
   * DJL asks every block of the tree this on every training forward, and the default answer lists
   * all parameters below the block (with their names built as strings): a cost that grows with
   * depth times size. Once true, it stays true until {@link #clear()}.
   */
  @Override
  public boolean isInitialized() {
    if (!initialized) {
      initialized = super.isInitialized();
    }
    return initialized;
  }

  @Override
  public void clear() {
    initialized = false;
    super.clear();
  }

  /** The PyTorch name of the child stored under DJL key {@code childKey}. */
  public final String torchName(String childKey) {
    String name = torchNames.get(childKey);
    if (name == null) {
      throw new IllegalStateException(
          getClass().getSimpleName() + " has a child '" + childKey + "' without a PyTorch name");
    }
    return name;
  }
}
