package org.fga.core.data;

/** The official splits; re-ID datasets use {@link #QUERY} and {@link #GALLERY} for testing. */
public enum Split {
  TRAIN,
  VAL,
  TEST,
  QUERY,
  GALLERY
}
