package org.fga.backbones.weights;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fga.backbones.nn.TorchNames;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.ModelWeights;
import org.fga.core.io.NdArray;

/**
 * {@link ModelWeights} by {@link #names}: {@link TorchNames} without the ordinal DJL puts before a
 * child's key ({@code 02rfga.01conv_c.weight} is {@code rfga.conv_c.weight}; torchvision's
 * {@code layer1.0.conv1.weight} stays). The file may name any subset of the model's parameters, but
 * nothing else. A partial file is the point (a harness writes the layers it
 * initialised); a name that fits no parameter is an error, never skipped, because a silently
 * skipped tensor would leave the run at its own draws while its table claims matched ones.
 */
public final class TorchModelWeights implements ModelWeights {
  private static final int MAX_LISTED = 12;
  /** DJL's child ordinal: digits right before a letter or underscore, at the start of a name's part. */
  private static final Pattern ORDINAL = Pattern.compile("(^|\\.)\\d+(?=[A-Za-z_])");

  @Override
  public int loadSome(Block model, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FgaUserException("init.weights: " + file + " does not exist");
    }
    Map<String, NdArray> tensors = WeightFiles.read(file);
    Map<String, Parameter> params = names(model);
    List<String> unknown = new ArrayList<>();
    List<String> keep = new ArrayList<>();
    for (String name : tensors.keySet()) {
      if (!params.containsKey(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      // the names under the unknown one's first part (a typo in rfga.* is shown beside rfga.*), else all
      String first = unknown.get(0).split("\\.")[0] + ".";
      List<String> valid = params.keySet().stream().filter(n -> n.startsWith(first)).toList();
      valid = valid.isEmpty() ? new ArrayList<>(params.keySet()) : valid;
      throw new FgaUserException("init.weights: " + file + " names " + unknown.size() + " tensor(s) the model does not have: "
          + String.join(", ", unknown.subList(0, Math.min(MAX_LISTED, unknown.size())))
          + "; the model's parameters are " + String.join(", ", valid.subList(0, Math.min(MAX_LISTED, valid.size())))
          + (valid.size() > MAX_LISTED ? " ... (" + valid.size() + " in all)" : ""));
    }
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      NdArray t = tensors.get(e.getKey());
      if (t == null) {
        keep.add(e.getKey());
      } else if (!Arrays.equals(t.longShape(), e.getValue().getArray().getShape().getShape())) {
        throw new FgaUserException("init.weights: " + file + ": " + e.getKey() + " has shape " + Arrays.toString(t.longShape())
            + ", the model's " + e.getValue().getArray().getShape());
      }
    }
    // whole names as the loader's prefixes: a full parameter name is never the prefix of another's
    Map<String, NdArray> byTorchName = new LinkedHashMap<>();
    Map<Parameter, String> torchName = new IdentityHashMap<>();
    TorchNames.of(model).forEach((k, p) -> torchName.put(p, k));
    tensors.forEach((k, t) -> byTorchName.put(torchName.get(params.get(k)), t));
    List<String> keepTorch = keep.stream().map(k -> torchName.get(params.get(k))).toList();
    return WeightLoader.builder().optAllowMissing(keepTorch).build().load(model, byTorchName, "init.weights " + file).loaded();
  }

  @Override
  public void saveAll(Block model, Path file) throws java.io.IOException {
    Map<String, NdArray> tensors = new LinkedHashMap<>();
    names(model).forEach((k, p) -> tensors.put(k, WeightExporter.tensor(p.getArray())));
    Safetensors.write(file, tensors);
  }

  /**
   * The model's parameters by the names an {@code init.weights} file uses: each child's key without
   * DJL's leading ordinal ({@code 01backbone} is {@code backbone}), in definition order.
   */
  public static Map<String, Parameter> names(Block model) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : TorchNames.of(model).entrySet()) {
      String readable = ORDINAL.matcher(e.getKey()).replaceAll("$1");
      if (out.putIfAbsent(readable, e.getValue()) != null) {
        throw new IllegalStateException("two parameters are both named " + readable + " without DJL's ordinals");
      }
    }
    return out;
  }
}
