package org.fga.core.engine;

import org.fga.core.error.FgaUserException;

/**
 * The engine computes convolutions wrongly and no path fga can switch to is right: nothing may
 * train on it. A user exception so the command line says it in one line and exits with code 2.
 */
public final class EngineFaultException extends FgaUserException {
  private static final long serialVersionUID = 1L;

  public EngineFaultException(String message) {
    super(message);
  }
}
