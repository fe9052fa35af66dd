package org.fga.methods.ssl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import org.fga.core.error.FgaUserException;

/** How LCR's fitting loss turns the two maps into distributions (the reference's scripts differ). */
public enum FitForm {
  /**
   * {@code main.py:87-93} (BYOL): both maps flattened over all h·w positions, divided by the
   * temperature, softmax; {@code KL(softmax(gc/T) ‖ softmax(att/T))} summed over the batch.
   */
  FLAT("flat"),
  /**
   * {@code main_moco.py:361-362} (MoCo): softmax over the last axis of the B×h×w maps, i.e. over
   * each row of the map separately, without temperature; the same KL direction, summed.
   */
  ROWS("rows");

  private final String key;

  FitForm(String key) {
    this.key = key;
  }

  @JsonValue
  public String key() {
    return key;
  }

  @JsonCreator
  public static FitForm of(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    for (FitForm f : values()) {
      if (f.key.equals(k)) {
        return f;
      }
    }
    throw new FgaUserException("method.fitForm: unknown value '" + key + "'; valid: "
        + Arrays.stream(values()).map(FitForm::key).toList());
  }
}
