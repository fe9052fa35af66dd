package org.fga.core.error;

/**
 * Bad input that the user can fix: a missing file, a malformed spec, an unknown name, a NaN loss.
 *
 * <p>The command line prints {@link #getMessage()} as one line and exits with code 2, so the
 * message must name what is wrong (the file, the key, the valid choices).
 */
public class FgaUserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FgaUserException(String message) {
    super(message);
  }

  public FgaUserException(String message, Throwable cause) {
    super(message, cause);
  }
}
