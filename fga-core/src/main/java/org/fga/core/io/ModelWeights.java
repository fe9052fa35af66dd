package org.fga.core.io;

import ai.djl.nn.Block;
import java.nio.file.Path;

/**
 * Reads a weights file into some parameters of a whole model by their PyTorch-style names (the
 * naming lives with the backbones plugin, which binds the implementation). Used for a spec's
 * {@code init.weights}.
 */
public interface ModelWeights {
  /**
   * Copies every tensor of {@code file} into the parameter of {@code model} it names; parameters the
   * file does not name keep their values.
   *
   * @return how many parameters were set
   * @throws org.fga.core.error.FgaUserException when the file is missing or unreadable, or a tensor
   *     names no parameter (the message lists the model's names) or has another shape
   */
  int loadSome(Block model, Path file);

  /**
   * Writes every parameter of {@code model} (BatchNorm's running statistics included) under the
   * names {@link #loadSome} reads, so the file sets the whole model again, in fga or in PyTorch.
   */
  void saveAll(Block model, Path file) throws java.io.IOException;
}
