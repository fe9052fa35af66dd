package org.fga.core.train;

/**
 * Called at the end of every training epoch, before its checkpoint is written, so that what it
 * records for an epoch never outlives a checkpoint that a resumed run would retrain (per-epoch
 * evaluation uses it).
 */
@FunctionalInterface
public interface EpochListener {
  /** @param epochsDone 1-based count of epochs finished, the checkpoint's epoch about to be written */
  void onEpochEnd(int epochsDone);
}
