package org.fga.core.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.fga.core.metric.MetricConfig;

/**
 * Reads one entry of {@code eval.metrics}: either a bare name ({@code wsol}), which means the same
 * as {@code {type: wsol}} (every option at its default), or the object form with options. Both go
 * through the same polymorphic reading, so unknown names and keys fail exactly as for methods.
 */
final class MetricEntryDeserializer extends StdDeserializer<MetricConfig> {
  MetricEntryDeserializer() {
    super(MetricConfig.class);
  }

  @Override
  public MetricConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return ctxt.readValue(p, MetricConfig.class);
    }
    ObjectNode named = ctxt.getNodeFactory().objectNode().put("type", p.getText());
    try (JsonParser asObject = named.traverse(p.getCodec())) {
      asObject.nextToken();
      return ctxt.readValue(asObject, MetricConfig.class);
    }
  }

  /** The list hands the type information over; the entry resolves the type itself, see above. */
  @Override
  public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
      throws IOException {
    return deserialize(p, ctxt);
  }
}
