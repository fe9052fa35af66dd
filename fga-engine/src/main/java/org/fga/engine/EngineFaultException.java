package org.fga.engine;

/**
 * The engine cannot be trusted as asked: its convolutions are wrong on every path fga can use, or
 * the convolution path named is not one. Nothing may train. The message is one line; the command
 * line prints it and exits with code 2, as for any bad input (fga-engine sits below fga-core, so
 * this is not a {@code FgaUserException}; {@code FgaMain} and {@code Session} treat it as one).
 */
public final class EngineFaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineFaultException(String message) {
    super(message);
  }
}
