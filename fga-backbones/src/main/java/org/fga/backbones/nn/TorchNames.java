package org.fga.backbones.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lists a block's parameters under their PyTorch state-dict names ({@code layer1.0.conv1.weight}).
 *
 * <p>Names are built from the {@link TorchModule} child names joined by dots, followed by the
 * parameter's own name; DJL's {@code Conv2d} and {@code Linear} already call theirs {@code weight}
 * and {@code bias}, and {@link BatchNorm2d} uses PyTorch's names. A block that is not a {@link
 * TorchModule} contributes its DJL child keys unchanged.
 */
public final class TorchNames {
  private TorchNames() {}

  /** Every parameter of {@code root}, keyed by PyTorch name, in definition order. */
  public static Map<String, Parameter> of(Block root) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    walk(root, "", out);
    return Collections.unmodifiableMap(out);
  }

  private static void walk(Block block, String prefix, Map<String, Parameter> out) {
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      String name = prefix + p.getValue().getName();
      if (out.putIfAbsent(name, p.getValue()) != null) {
        throw new IllegalStateException("two parameters are both named " + name);
      }
    }
    for (Pair<String, Block> child : block.getChildren()) {
      String name =
          block instanceof TorchModule tm ? tm.torchName(child.getKey()) : child.getKey();
      walk(child.getValue(), name.isEmpty() ? prefix : prefix + name + ".", out);
    }
  }
}
