package org.fga.engine;

/**
 * A convolution output the engine got wrong: which shape, which tensor ({@code forward}, {@code
 * input gradient}, {@code weight gradient}), and its error relative to the tensor's largest value
 * (NaN when the engine returned a non-finite number).
 */
public record Mismatch(ConvCase conv, String tensor, double relativeError) {

  @Override
  public String toString() {
    String err = Double.isNaN(relativeError) ? "NaN" : String.format("%.2g", relativeError);
    return conv + ": " + tensor + " off by " + err;
  }
}
