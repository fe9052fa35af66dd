package org.fga.core.data;

/** One split of a dataset: random access to its samples. Implementations must be thread-safe. */
public interface FgaDataset {
  DatasetInfo info();

  int size();

  Sample get(int index);
}
