package org.fga.eval.retrieval;

import java.util.Locale;
import org.fga.core.error.FgaUserException;

/**
 * Which of two equally similar candidates a retrieval ranking puts first. Real-valued features
 * rarely tie, but duplicate images do, and then the order decides top-1 and AP.
 */
public enum TieOrder {
  /** The earlier one in the split: numpy's stable argsort of distances, as torchreid ranks. */
  FIRST,
  /**
   * The later one: LCR's main_moco.py {@code validate} sorts similarities ascending and reverses the
   * list, which turns a stable order of equal items around.
   */
  LAST;

  public static TieOrder parse(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FgaUserException("unknown tie order '" + s + "'; known: first, last");
    }
  }
}
