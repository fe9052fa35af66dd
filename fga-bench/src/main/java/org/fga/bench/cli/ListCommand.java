package org.fga.bench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.fga.core.plugin.Named;
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

  @Override
  public Integer call() throws Exception {
    Plugins p = Plugins.load();
    ObjectNode out = p.json().createObjectNode();
    add(out, p.methods());
    add(out, p.backbones());
    add(out, p.datasets());
    add(out, p.metrics());
    if (json) {
      System.out.println(p.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    } else {
      out.fields().forEachRemaining(e -> {
        System.out.println(e.getKey() + ":");
        e.getValue().forEach(n -> System.out.printf("  %-16s %s%n", n.get("name").asText(), n.get("description").asText()));
      });
    }
    return 0;
  }

  private static void add(ObjectNode out, Registry<? extends Named> r) {
    ArrayNode a = out.putArray(r.kind() + "s");
    for (Named n : r.all()) {
      a.addObject().put("name", n.name()).put("description", n.description());
    }
  }
}
