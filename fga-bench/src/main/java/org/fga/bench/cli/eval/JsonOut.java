package org.fga.bench.cli.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Map;
import org.fga.core.io.Mappers;

/** Prints a result as indented JSON on stdout; NaN (undefined) becomes null, by {@link Mappers}' rule. */
final class JsonOut {
  private static final ObjectMapper MAPPER = Mappers.json().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonOut() {}

  static void print(PrintWriter out, Map<String, Object> result) {
    try {
      out.println(MAPPER.writeValueAsString(result));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
