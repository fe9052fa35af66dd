package org.fga.core.spec;

import java.nio.file.Path;
import org.fga.core.error.InvalidOptionException;

/**
 * Starting values for some of the model's parameters, copied in after its seeded initialisation
 * and the backbone's pretrained weights: how two code bases start a run from the same draws (a
 * reference harness writes the new layers it initialised; fga's run of the same seed reads them),
 * so that seed k of one can be compared with seed k of the other.
 *
 * @param weights a {@code .safetensors} file whose tensors carry the model's PyTorch-style names
 *     (every tensor must name a parameter of the model, with its shape; parameters it does not name
 *     keep their values). {@code {seed}} in the path is replaced by the run's seed. A relative path
 *     is relative to the working directory, as {@code data.root}.
 */
public record InitSpec(String weights) {
  /** The placeholder replaced by the run's seed. */
  public static final String SEED = "{seed}";

  public InitSpec {
    if (weights == null || weights.isBlank()) {
      throw new InvalidOptionException("weights", "is required: a .safetensors file with the model's parameter names");
    }
  }

  /** The file a run of {@code seed} reads. */
  public Path fileFor(long seed) {
    return Path.of(weights.replace(SEED, Long.toString(seed)));
  }
}
