package org.fga.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fga.core.error.FgaUserException;

/**
 * An experiment file as a tree, before it is bound to records: {@code extends:} chains resolved
 * (mmengine's {@code _base_}) and command-line overrides applied, so that what is validated, run
 * and stored is the one resolved spec.
 *
 * <p>Merging: mappings merge key by key, everything else (lists included) is replaced; a mapping
 * whose {@code type} differs from the base's replaces it whole (a different method shares no
 * keys with the base's).
 */
public final class SpecTree {
  static final String EXTENDS = "extends";
  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

  private SpecTree() {}

  /** The file with its {@code extends:} chain merged in; paths are relative to each file. */
  public static ObjectNode load(Path file, ObjectMapper yaml) {
    return load(file.toAbsolutePath().normalize(), yaml, new ArrayList<>());
  }

  private static ObjectNode load(Path file, ObjectMapper yaml, List<Path> chain) {
    if (chain.contains(file)) {
      List<String> names = new ArrayList<>();
      for (Path p : chain.subList(chain.indexOf(file), chain.size())) {
        names.add(p.getFileName().toString());
      }
      names.add(file.getFileName().toString());
      throw new FgaUserException("'extends' goes round in a circle: " + String.join(" -> ", names));
    }
    chain.add(file);
    JsonNode node;
    try {
      node = yaml.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new FgaUserException(
          chain.size() == 1
              ? "experiment file not found: " + file
              : chain.get(chain.size() - 2).getFileName() + ": 'extends' names a missing file: " + file);
    } catch (JsonProcessingException e) {
      throw new FgaUserException(file + ": " + SpecReader.describe(e));
    } catch (IOException e) {
      throw new FgaUserException("cannot read experiment file " + file + ": " + e.getMessage());
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new FgaUserException(file + ": the file is empty");
    }
    if (!(node instanceof ObjectNode tree)) {
      throw new FgaUserException(file + ": an experiment file is a mapping of keys, got " + node.getNodeType());
    }
    JsonNode base = tree.remove(EXTENDS);
    ObjectNode result = tree;
    if (base != null) {
      if (!base.isTextual()) {
        throw new FgaUserException(file + ": 'extends' must be the path of another experiment file");
      }
      ObjectNode parent = load(file.getParent().resolve(base.asText()).normalize(), yaml, chain);
      if (!tree.has("paper") && otherMethod(parent, tree)) {
        parent.remove("paper"); // the base's published number belongs to the base's method
      }
      result = merge(parent, tree);
    }
    chain.remove(chain.size() - 1);
    return result;
  }

  /** {@code over} merged onto {@code base} (base is modified and returned). */
  static ObjectNode merge(ObjectNode base, ObjectNode over) {
    Iterator<Map.Entry<String, JsonNode>> it = over.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode old = base.get(e.getKey());
      JsonNode now = e.getValue();
      if (old instanceof ObjectNode o && now instanceof ObjectNode n && sameType(o, n)) {
        merge(o, n);
      } else {
        base.set(e.getKey(), now);
      }
    }
    return base;
  }

  /** Whether {@code over} names a method of another type than {@code base}'s. */
  private static boolean otherMethod(ObjectNode base, ObjectNode over) {
    JsonNode a = base.path("method").get("type");
    JsonNode b = over.path("method").get("type");
    return a != null && b != null && !a.equals(b);
  }

  private static boolean sameType(ObjectNode a, ObjectNode b) {
    return !a.has("type") || !b.has("type") || a.get("type").equals(b.get("type"));
  }

  /**
   * Applies {@code key.path=value} overrides: the value is read as YAML ({@code 8}, {@code null},
   * {@code [448, 448]}, {@code {type: flip}}), the path may index lists ({@code
   * pipeline.train[1].size}), and missing mappings on the way are created.
   */
  public static void override(ObjectNode tree, List<String> overrides, ObjectMapper yaml) {
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new FgaUserException("override '" + o + "' must be KEY=VALUE, e.g. schedule.batchSize=8");
      }
      String key = o.substring(0, eq).trim();
      JsonNode value;
      try {
        String text = o.substring(eq + 1);
        value = text.isBlank() ? NullNode.instance : yaml.readTree(text);
        if (value == null || value.isMissingNode()) {
          value = NullNode.instance;
        }
      } catch (JsonProcessingException e) {
        throw new FgaUserException("override '" + o + "': the value is not valid YAML: " + e.getOriginalMessage().split("\n")[0]);
      }
      set(tree, key, value, o);
    }
  }

  private static void set(ObjectNode tree, String key, JsonNode value, String override) {
    String[] parts = key.split("\\.");
    JsonNode node = tree;
    for (int i = 0; i < parts.length; i++) {
      Matcher m = SEGMENT.matcher(parts[i]);
      if (!m.matches()) {
        throw new FgaUserException("override '" + override + "': '" + parts[i] + "' is not a key (letters, digits, _, [index])");
      }
      String name = m.group(1);
      List<Integer> indices = new ArrayList<>();
      Matcher im = INDEX.matcher(m.group(2));
      while (im.find()) {
        indices.add(Integer.parseInt(im.group(1)));
      }
      boolean last = i == parts.length - 1;
      ObjectNode obj = (ObjectNode) node;
      if (indices.isEmpty()) {
        if (last) {
          obj.set(name, value);
          return;
        }
        JsonNode next = obj.get(name);
        if (!(next instanceof ObjectNode)) {
          next = obj.putObject(name);
        }
        node = next;
        continue;
      }
      JsonNode list = obj.get(name);
      for (int k = 0; k < indices.size(); k++) {
        if (!(list instanceof ArrayNode a) || indices.get(k) >= a.size()) {
          throw new FgaUserException(
              "override '" + override + "': " + key.substring(0, key.indexOf(parts[i])) + name
                  + " has no element " + indices.get(k)
                  + (list instanceof ArrayNode a2 ? " (it has " + a2.size() + ")" : " (not a list)"));
        }
        if (last && k == indices.size() - 1) {
          a.set(indices.get(k), value);
          return;
        }
        list = a.get(indices.get(k));
      }
      if (!(list instanceof ObjectNode)) {
        throw new FgaUserException("override '" + override + "': " + parts[i] + " is not a mapping");
      }
      node = list;
    }
  }

  static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }
}
