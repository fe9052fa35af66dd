package org.fga.core.spec;

import org.fga.core.error.InvalidOptionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;
import org.fga.core.error.FgaUserException;
import org.fga.core.plugin.Plugins;

/** Reads experiment files (YAML or JSON by extension) and reports errors as one line each. */
public final class SpecReader {
  private final Plugins plugins;
  private final java.util.function.Consumer<String> notes;

  /** A reader that says on stderr what an override changed besides its own key. */
  public SpecReader(Plugins plugins) {
    this(plugins, System.err::println);
  }

  /**
   * @param notes receives one line for each change an override makes besides its own key (a
   *     pipeline scaled to {@code data.imageSize}, a {@code paper} block dropped with its method)
   *     and for an {@code imageSize} the stated pipeline disagrees with
   */
  public SpecReader(Plugins plugins, java.util.function.Consumer<String> notes) {
    this.plugins = plugins;
    this.notes = notes;
  }

  public ExperimentSpec read(Path file) {
    return read(file, List.of());
  }

  /**
   * Reads {@code file}, resolving its {@code extends:} chain and applying {@code key.path=value}
   * overrides before the records are built, so an override is checked exactly like the file.
   */
  public ExperimentSpec read(Path file, List<String> overrides) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new FgaUserException("experiment file not found: " + file);
    } catch (IOException e) {
      throw new FgaUserException("cannot read experiment file " + file + ": " + e.getMessage());
    }
    if (overrides.isEmpty() && !extendsAnother(text)) {
      ExperimentSpec spec = parse(text, isJson(file), file.toString()); // from the text: errors keep their lines
      warnIfSizesDisagree(spec);
      return spec;
    }
    ObjectNode tree = SpecTree.load(file, plugins.yaml());
    for (String o : overrides) {
      applyOverride(tree, o);
    }
    String origin = file + (overrides.isEmpty() ? "" : " (with -o overrides)");
    ExperimentSpec spec = bind(tree, origin, null, null);
    warnIfSizesDisagree(spec);
    return spec;
  }

  /**
   * One {@code -o}, with what it implies: {@code data.imageSize} scales a stated pipeline in
   * proportion ({@link Resolution}); a {@code method} of another type drops the {@code paper}
   * block, which was the old method's published number (a later {@code -o paper=...} sets one).
   */
  private void applyOverride(ObjectNode tree, String override) {
    String key = override.substring(0, Math.max(0, override.indexOf('='))).trim();
    JsonNode oldSize = tree.path("data").get("imageSize");
    JsonNode oldMethod = tree.path("method").get("type");
    SpecTree.override(tree, List.of(override), plugins.yaml());
    if (key.equals("data.imageSize") || key.equals("data")) {
      String scaled = Resolution.rescale(tree, oldSize, plugins.yaml());
      if (scaled != null && !java.util.Objects.equals(oldSize, tree.path("data").get("imageSize"))) {
        notes.accept(scaled);
      }
    }
    JsonNode newMethod = tree.path("method").get("type");
    if (key.startsWith("method") && tree.has("paper") && oldMethod != null && !oldMethod.equals(newMethod)) {
      tree.remove("paper");
      notes.accept("fga: -o " + key + " makes the method " + (newMethod == null ? "another" : newMethod.asText())
          + "; the spec's paper block (" + oldMethod.asText() + "'s published number) is dropped");
    }
  }

  /**
   * Warns when a spec on disk data states a pipeline that ends at another size than {@code
   * data.imageSize}: that key then changes nothing, which a reader of the file would not expect.
   * (The default pipeline is made from imageSize, so only a stated one can disagree.)
   */
  private void warnIfSizesDisagree(ExperimentSpec spec) {
    if (spec.data().nativeSize() != null) {
      return; // generated data is drawn at imageSize and may be cropped smaller on purpose
    }
    org.fga.core.data.pipeline.ImageSize end = spec.pipeline().testSize(null);
    int size = spec.data().imageSize();
    if (end != null && size > 0 && end.height() != size) { // re-ID sets are H x W with imageSize the height
      notes.accept("fga: warning: " + spec.name() + ": data.imageSize is " + size + " but pipeline.test ends at "
          + end + "; imageSize sizes only the default pipeline: -o data.imageSize=N alone scales the stated one");
    }
  }

  /**
   * Binds {@code tree}; every unknown key is reported at once (Jackson stops at the first, so each
   * is removed and the tree bound again), each with the known key it most likely meant.
   *
   * @param first the first unknown key's description as read from the text (it has a line number)
   * @param firstPath its dotted path
   */
  private ExperimentSpec bind(ObjectNode tree, String origin, String first, String firstPath) {
    List<String> unknown = new java.util.ArrayList<>();
    List<String> paths = new java.util.ArrayList<>();
    if (first != null) {
      unknown.add(first);
      paths.add(firstPath);
    }
    while (true) {
      try {
        ExperimentSpec spec = plugins.yaml().treeToValue(tree, ExperimentSpec.class);
        if (!unknown.isEmpty()) {
          throw new FgaUserException(origin + ": " + String.join("; ", unknown));
        }
        return withDefaultMetricSpelledOut(spec);
      } catch (UnrecognizedPropertyException u) {
        if (!paths.contains(pathOf(u))) {
          unknown.add(describe(u));
          paths.add(pathOf(u));
        }
        if (unknown.size() >= UnknownKeys.MAX || !UnknownKeys.remove(tree, u.getPath())) {
          throw new FgaUserException(origin + ": " + String.join("; ", unknown), u);
        }
      } catch (JsonProcessingException | IllegalArgumentException e) {
        if (!unknown.isEmpty()) { // what else is wrong most likely follows from the typos
          throw new FgaUserException(origin + ": " + String.join("; ", unknown), e);
        }
        throw new FgaUserException(
            origin + ": " + (e instanceof JsonProcessingException j ? describe(j) : e.getMessage()), e);
      }
    }
  }

  private static final java.util.regex.Pattern YAML_EXTENDS =
      java.util.regex.Pattern.compile("(?m)^" + SpecTree.EXTENDS + "\\s*:");

  /** Whether a spec's text names a base spec (YAML {@code extends:} or JSON {@code "extends"}). */
  private static boolean extendsAnother(String text) {
    return text.contains("\"" + SpecTree.EXTENDS + "\"") || YAML_EXTENDS.matcher(text).find();
  }

  /** Parses {@code text}; {@code origin} names the source in error messages. */
  public ExperimentSpec parse(String text, boolean json, String origin) {
    ObjectMapper mapper = json ? plugins.json() : plugins.yaml();
    try {
      ExperimentSpec spec = mapper.readValue(text, ExperimentSpec.class);
      if (spec == null) {
        throw new FgaUserException(origin + ": the file is empty");
      }
      return withDefaultMetricSpelledOut(spec);
    } catch (UnrecognizedPropertyException u) {
      // the rest of the unknown keys from the tree (they lose their lines; the first keeps it)
      JsonNode tree;
      try {
        tree = mapper.readTree(text);
      } catch (JsonProcessingException e) {
        throw new FgaUserException(origin + ": " + describe(u), u);
      }
      if (!(tree instanceof ObjectNode o) || !UnknownKeys.remove(o, u.getPath())) {
        throw new FgaUserException(origin + ": " + describe(u), u);
      }
      return bind(o, origin, describe(u), pathOf(u));
    } catch (JsonProcessingException e) {
      throw new FgaUserException(origin + ": " + describe(e), e);
    }
  }

  /** Writes the spec with every default filled in, as YAML. */
  public String toYaml(ExperimentSpec spec) {
    try {
      return plugins.yaml().writeValueAsString(withDefaultMetricSpelledOut(spec));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise spec " + spec.name(), e);
    }
  }

  /**
   * An experiment that leaves {@code eval.metrics} out is scored with the default metric; the
   * resolved spec says so with that metric's full config, like every other default. Without the
   * default metric's plugin on the class path the key stays absent and evaluation reports it.
   */
  private ExperimentSpec withDefaultMetricSpelledOut(ExperimentSpec spec) {
    EvalSpec eval = spec.eval();
    if (eval.metrics() != null || !plugins.metrics().contains(EvalSpec.DEFAULT_METRIC)) {
      return spec;
    }
    return spec.withEval(eval.withMetrics(eval.metricsOrDefault(plugins.metrics())));
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
  }

  /** One line naming the key and what is wrong, for other files read with the same mappers. */
  public static String describeError(JsonProcessingException e) {
    return describe(e);
  }

  /**
   * Said after every unknown type: a plugin that is built but not found by the class loader is the
   * usual cause, and nothing else would tell the user where to look.
   */
  static final String NOT_LOADED_HINT =
      " (a plugin missing here is not on the class path, or its jar has no"
          + " META-INF/services/org.fga.core.plugin.FgaModule)";

  /** The ids inside Jackson's "known type ids = [a, b]", without the rest of its sentence. */
  private static String knownTypeIds(String jacksonMessage) {
    int k = jacksonMessage.indexOf("known type ids = [");
    int end = k < 0 ? -1 : jacksonMessage.indexOf(']', k);
    String ids = end < 0 ? "" : jacksonMessage.substring(k + "known type ids = [".length(), end).trim();
    return ids.isEmpty() ? "none" : ids;
  }

  /** The dotted path of the key an error is about ({@code eval.metrics[1].iou}), or "". */
  private static String pathOf(JsonProcessingException e) {
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return m.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."))
          .replace(".[", "[");
    }
    return "";
  }

  /** One line naming the key (as a dotted path) and what is wrong with it. */
  static String describe(JsonProcessingException e) {
    String path = pathOf(e);
    // a bare metric name is re-read as {type: name} from a tree, which has no line
    String where =
        e.getLocation() == null || e.getLocation().getLineNr() < 1
            ? ""
            : " (line " + e.getLocation().getLineNr() + ")";
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : "; known keys: "
                  + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                      .collect(Collectors.joining(", "));
      String nearest = u.getKnownPropertyIds() == null ? null : UnknownKeys.nearest(u.getPropertyName(), u.getKnownPropertyIds());
      return "unknown key '" + path + "'" + where + (nearest == null ? "" : ", did you mean '" + nearest + "'?") + known;
    }
    if (e instanceof InvalidTypeIdException t) {
      return "unknown type '" + t.getTypeId() + "' at '" + path + "'" + where + "; known: "
          + knownTypeIds(t.getOriginalMessage()) + NOT_LOADED_HINT;
    }
    if (e instanceof ValueInstantiationException v && v.getCause() instanceof InvalidOptionException o) {
      return (path.isEmpty() ? "" : path + ".") + o.key() + " " + o.problem() + where;
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      String cause = v.getCause().getMessage();
      // configs that already name their dotted key ("method.sigma must be ...") need no prefix
      boolean named = path.isEmpty() || cause.startsWith(path + ".") || cause.startsWith(path + " ");
      return (named ? "" : "'" + path + "': ") + cause + where;
    }
    String msg = e.getOriginalMessage().split("\n")[0];
    if (e instanceof JsonMappingException) {
      return "bad value at '" + path + "'" + where + ": " + msg;
    }
    return "malformed file" + where + ": " + msg;
  }
}
