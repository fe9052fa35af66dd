package org.fga.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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

  public SpecReader(Plugins plugins) {
    this.plugins = plugins;
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
      return parse(text, isJson(file), file.toString()); // from the text: errors keep their lines
    }
    ObjectNode tree = SpecTree.load(file, plugins.yaml());
    SpecTree.override(tree, overrides, plugins.yaml());
    String origin = file + (overrides.isEmpty() ? "" : " (with -o overrides)");
    try {
      ExperimentSpec spec = plugins.yaml().treeToValue(tree, ExperimentSpec.class);
      return withDefaultMetricSpelledOut(spec);
    } catch (JsonProcessingException e) {
      throw new FgaUserException(origin + ": " + describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new FgaUserException(origin + ": " + e.getMessage(), e);
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

  /** One line naming the key (as a dotted path) and what is wrong with it. */
  static String describe(JsonProcessingException e) {
    String path = "";
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      path =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
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
      return "unknown key '" + path + "'" + where + known;
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
