package org.fga.backbones.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fga.backbones.nn.NoGrad;
import org.fga.backbones.nn.TorchNames;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.NdArray;

/**
 * Copies named tensors into a block's parameters by PyTorch name, strictly: a parameter missing
 * from the file, a tensor of the file that fits no parameter, or a shape mismatch fails the whole
 * load before anything is copied, with every offending name and both shapes in the message.
 *
 * <p>Opt-outs: a parameter under an {@code allowMissing} prefix may be absent or mis-shaped in the
 * file and then keeps its fresh initialisation (a new classifier of another class count); file
 * tensors under such a prefix, under an {@code ignoreUnexpected} prefix (the head a headless
 * backbone does not have), or named {@code *num_batches_tracked} are skipped.
 */
public final class WeightLoader {
  private static final String BATCHES_TRACKED = "num_batches_tracked";
  private static final int MAX_LISTED = 8;
  private static final NDIndex ALL = new NDIndex("...");

  private final List<String> allowMissing;
  private final List<String> ignoreUnexpected;

  private WeightLoader(Builder b) {
    this.allowMissing = List.copyOf(b.allowMissing);
    this.ignoreUnexpected = List.copyOf(b.ignoreUnexpected);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What a load did. */
  public record Report(int loaded, List<String> keptInitial, List<String> skippedFromFile) {}

  /** Reads {@code file} ({@link WeightFiles} forms) into the initialised {@code block}. */
  public Report load(Block block, Path file) {
    return load(block, WeightFiles.read(file), file.toString());
  }

  /**
   * Copies {@code tensors} into the initialised {@code block}.
   *
   * @param source names the tensors' origin in error messages
   */
  public Report load(Block block, Map<String, NdArray> tensors, String source) {
    Map<String, Parameter> params = TorchNames.of(block);
    List<String> missing = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      String name = e.getKey();
      Parameter p = e.getValue();
      if (!p.isInitialized()) {
        throw new IllegalStateException("initialise the block before loading weights: " + name);
      }
      long[] want = p.getArray().getShape().getShape();
      NdArray t = tensors.get(name);
      boolean optional = startsWithAny(name, allowMissing);
      if (t == null) {
        (optional ? kept : missing).add(optional ? name : name + " " + Arrays.toString(want));
      } else if (!Arrays.equals(want, t.longShape())) {
        if (optional) {
          kept.add(name);
        } else {
          mismatched.add(
              name + " (model " + Arrays.toString(want) + ", file " + Arrays.toString(t.shape()) + ")");
        }
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (Map.Entry<String, NdArray> e : tensors.entrySet()) {
      String name = e.getKey();
      if (params.containsKey(name)) {
        continue;
      }
      if (name.endsWith(BATCHES_TRACKED)
          || startsWithAny(name, allowMissing)
          || startsWithAny(name, ignoreUnexpected)) {
        skipped.add(name);
      } else {
        unexpected.add(name + " " + Arrays.toString(e.getValue().shape()));
      }
    }
    if (!missing.isEmpty() || !mismatched.isEmpty() || !unexpected.isEmpty()) {
      StringBuilder msg = new StringBuilder("weights ").append(source).append(" do not fit the model:");
      append(msg, "shape mismatch", mismatched);
      append(msg, "missing from the file", missing);
      append(msg, "unexpected in the file", unexpected);
      msg.append(" (allow-missing prefixes: ").append(allowMissing.isEmpty() ? "none" : allowMissing).append(')');
      throw new FgaUserException(msg.toString());
    }
    int loaded = 0;
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      NdArray t = tensors.get(e.getKey());
      if (t == null || kept.contains(e.getKey())) {
        continue;
      }
      copy(t, e.getValue().getArray(), e.getKey(), source);
      loaded++;
    }
    return new Report(loaded, List.copyOf(kept), List.copyOf(skipped));
  }

  private static void copy(NdArray t, NDArray target, String name, String source) {
    if (target.getDataType() != DataType.FLOAT32) {
      throw new FgaUserException(
          source + ": parameter " + name + " is " + target.getDataType() + "; only float32 models load");
    }
    // Copy into the parameter's own tensor (torch: with no_grad(): p.copy_(t)). NDArray.set(Buffer)
    // would instead swap in a tensor over the buffer's memory: read-only for a mapped file, and
    // without the parameter's requires-grad flag.
    try (NDManager scratch = target.getManager().newSubManager()) {
      NDArray value = scratch.create(FloatBuffer.wrap(t.toFloats()), target.getShape());
      NoGrad.run(() -> target.set(ALL, value));
    }
  }

  private static void append(StringBuilder msg, String what, List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    msg.append(' ').append(what).append(' ').append(names.size()).append(": ");
    msg.append(String.join(", ", names.subList(0, Math.min(MAX_LISTED, names.size()))));
    if (names.size() > MAX_LISTED) {
      msg.append(", ...");
    }
    msg.append(';');
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** Options of a {@link WeightLoader}. */
  public static final class Builder {
    private List<String> allowMissing = List.of();
    private List<String> ignoreUnexpected = List.of();

    /** Parameter-name prefixes that may be absent or mis-shaped in the file (kept as initialised). */
    public Builder optAllowMissing(List<String> prefixes) {
      this.allowMissing = List.copyOf(prefixes);
      return this;
    }

    /** File tensor-name prefixes to skip rather than fail on (a head the model does not have). */
    public Builder optIgnoreUnexpected(List<String> prefixes) {
      this.ignoreUnexpected = List.copyOf(prefixes);
      return this;
    }

    public WeightLoader build() {
      return new WeightLoader(this);
    }
  }
}
