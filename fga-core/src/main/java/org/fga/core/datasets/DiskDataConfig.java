package org.fga.core.datasets;

import org.fga.core.data.DataConfig;

/** The {@code data:} block of a dataset read from disk. */
public interface DiskDataConfig extends DataConfig {
  /** The dataset's root folder, as it was unpacked. */
  String root();

  /**
   * Whether an unreadable image is skipped (logged, counted, replaced by the next good sample)
   * instead of failing the run.
   */
  boolean skipCorrupt();
}
