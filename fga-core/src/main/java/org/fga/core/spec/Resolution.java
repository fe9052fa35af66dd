package org.fga.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fga.core.data.pipeline.ImageSize;
import org.fga.core.data.pipeline.PipelineSpec;

/**
 * {@code -o data.imageSize=N} on a spec that states its own pipeline: every pixel size of that
 * pipeline ({@code size}, {@code shorter} and {@code padding} of every step of {@code train},
 * {@code test}, {@code views} and the linear probe's pipeline) is scaled by N over the size the
 * test pipeline ends at, so a paper row runs at another resolution in proportion (CAL's resize
 * 512, crop 448 becomes resize 110, crop 96 at {@code imageSize=96}). Without it {@code imageSize}
 * would only change the reader's default pipeline, which such a spec does not use, and the run
 * would stay at the paper's resolution.
 */
final class Resolution {
  /** The step options that are lengths in pixels; colours, probabilities and ratios are not. */
  private static final Set<String> PIXEL_KEYS = Set.of("size", "shorter", "padding");

  private Resolution() {}

  /**
   * Scales the stated pipelines of {@code tree} to its (new) {@code data.imageSize}; returns one
   * line saying what changed, or null when there was nothing to scale.
   *
   * @param oldImageSize {@code data.imageSize} before the override (null if the file had none)
   */
  static String rescale(ObjectNode tree, JsonNode oldImageSize, ObjectMapper yaml) {
    JsonNode target = tree.path("data").path("imageSize");
    List<ObjectNode> pipelines = new ArrayList<>();
    if (tree.get("pipeline") instanceof ObjectNode p) {
      pipelines.add(p);
    }
    if (tree.path("eval").path("linearProbe").get("pipeline") instanceof ObjectNode p) {
      pipelines.add(p);
    }
    if (!target.canConvertToInt() || target.asInt() <= 0 || pipelines.isEmpty()) {
      return null; // the record reports a bad size; without a stated pipeline the default follows imageSize
    }
    Integer from = referenceSize(tree.get("pipeline"), oldImageSize, yaml);
    if (from == null) {
      return "fga: warning: data.imageSize=" + target.asInt() + " did not scale the stated pipeline: its test"
          + " steps end at no fixed size; set the sizes with -o pipeline...size=";
    }
    double factor = target.asDouble() / from;
    List<String> changes = new ArrayList<>();
    for (int k = 0; k < pipelines.size(); k++) {
      String prefix = k == 0 && tree.get("pipeline") == pipelines.get(0) ? "pipeline" : "eval.linearProbe.pipeline";
      ObjectNode p = pipelines.get(k);
      for (String part : List.of("train", "test")) {
        scaleSteps(p.get(part), prefix + "." + part, factor, changes);
      }
      if (p.get("views") instanceof ArrayNode views) {
        for (int v = 0; v < views.size(); v++) {
          scaleSteps(views.get(v), prefix + ".views[" + v + "]", factor, changes);
        }
      }
    }
    return String.format(Locale.ROOT, "fga: data.imageSize=%d scales the stated pipeline by %d/%d: %s",
        target.asInt(), target.asInt(), from, changes.isEmpty() ? "no step has a size" : String.join(", ", changes));
  }

  /** The height the test pipeline ends at (what {@code imageSize} is meant to be), or the old imageSize. */
  private static Integer referenceSize(JsonNode pipeline, JsonNode oldImageSize, ObjectMapper yaml) {
    ImageSize input = oldImageSize != null && oldImageSize.canConvertToInt() && oldImageSize.asInt() > 0
        ? ImageSize.square(oldImageSize.asInt()) : null;
    if (pipeline instanceof ObjectNode) {
      try {
        ImageSize end = yaml.treeToValue(pipeline, PipelineSpec.class).testSize(input);
        if (end != null) {
          return end.height();
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
        // a malformed pipeline is reported by the spec's own binding, with its key
      }
    }
    return input == null ? null : input.height();
  }

  private static void scaleSteps(JsonNode steps, String where, double factor, List<String> changes) {
    if (!(steps instanceof ArrayNode list)) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof ObjectNode step)) {
        continue;
      }
      for (String key : PIXEL_KEYS) {
        JsonNode before = step.get(key);
        JsonNode after = scaled(before, factor, !key.equals("padding"));
        if (after != null && !after.equals(before)) {
          step.set(key, after);
          changes.add(where + "[" + i + "]." + key + " " + text(before) + " -> " + text(after));
        }
      }
    }
  }

  /** {@code 512} or {@code [512, 512]}, as the file spells it. */
  private static String text(JsonNode v) {
    return v.toString().replace(",", ", ");
  }

  /** A pixel length or list of lengths times {@code factor}, rounded; null if it is not one. */
  private static JsonNode scaled(JsonNode v, double factor, boolean positive) {
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber()) {
      long n = Math.round(v.asLong() * factor);
      return IntNode.valueOf((int) Math.max(positive ? 1 : 0, n));
    }
    if (v instanceof ArrayNode a) {
      ArrayNode out = a.arrayNode();
      for (JsonNode e : a) {
        JsonNode s = scaled(e, factor, positive);
        if (s == null) {
          return null;
        }
        out.add(s);
      }
      return out;
    }
    return null;
  }
}
