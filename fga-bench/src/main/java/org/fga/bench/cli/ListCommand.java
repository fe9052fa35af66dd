package org.fga.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.fga.core.naming.Named;
import org.fga.core.plugin.Plugins;
import org.fga.core.plugin.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fga list}: what the plugins on the class path registered. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List registered methods, backbones, datasets and metrics.")
public final class ListCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print JSON on stdout instead of a table")
  boolean json;

  @Option(
      names = "--options",
      description = "also show each method's and metric's options with their defaults, as they go in a spec")
  boolean options;

  @Override
  public Integer call() throws Exception {
    Plugins p = Plugins.load();
    ObjectNode out = p.json().createObjectNode();
    add(out, p.methods(), m -> p.json().valueToTree(m.defaultConfig()));
    add(out, p.backbones(), b -> null);
    add(out, p.datasets(), d -> null);
    add(out, p.metrics(), m -> p.json().valueToTree(m.defaultConfig()));
    add(out, p.steps(), s -> null);
    if (json) {
      System.out.println(p.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    } else {
      out.fields().forEachRemaining(e -> {
        System.out.println(e.getKey() + ":");
        e.getValue().forEach(n -> {
          System.out.printf("  %-16s %s%n", n.get("name").asText(), n.get("description").asText());
          if (options && n.has("options")) {
            // JSON is valid YAML flow style: the line can be pasted into a spec's method: or metrics:
            System.out.printf("  %-16s %s%n", "", n.get("options"));
          }
        });
      });
    }
    return 0;
  }

  /** One entry per plugin; {@code defaults} gives its default config as JSON, or null if it has none. */
  private static <T extends Named> void add(
      ObjectNode out, Registry<T> r, Function<T, JsonNode> defaults) {
    ArrayNode a = out.putArray(r.kind() + "s");
    for (T n : r.all()) {
      ObjectNode entry = a.addObject().put("name", n.name()).put("description", n.description());
      JsonNode config = defaults.apply(n);
      if (config != null) {
        entry.set("options", config);
      }
    }
  }
}
