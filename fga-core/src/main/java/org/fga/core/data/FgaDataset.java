package org.fga.core.data;

/** One split of a dataset: random access to its samples. Implementations must be thread-safe. */
public interface FgaDataset {
  DatasetInfo info();

  int size();

  Sample get(int index);

  /**
   * The id {@code get(index)} would carry. Readers that know it without decoding the image
   * override this; it lets the evaluator compare splits before it runs the model over them.
   */
  default String id(int index) {
    return get(index).id();
  }

  /**
   * The label {@code get(index)} would carry (the identity for re-ID training splits). Readers
   * that list labels override this, so samplers can group samples without decoding images.
   */
  default int label(int index) {
    return get(index).label();
  }

  /**
   * Where sample {@code index} comes from, spelt the same whichever list or split named it (for
   * files: the absolute, normalised path). Two splits share an image exactly when they share a
   * source; ids may differ between sources ({@code images/x.jpg} in CUB's lists, {@code x.jpg} in
   * wsolevaluation's metadata).
   */
  default String source(int index) {
    return id(index);
  }
}
