package org.fga.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappersTest {
  record Point(double x, Float y) {}

  @Test
  void nonFiniteNumbersAreWrittenAsNullByJsonAndYaml() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nan", Double.NaN);
    m.put("inf", Double.POSITIVE_INFINITY);
    m.put("f", Float.NaN);
    m.put("ok", 0.25);
    m.put("list", List.of(1.0, Double.NaN));
    assertThat(Mappers.json().writeValueAsString(m))
        .isEqualTo("{\"nan\":null,\"inf\":null,\"f\":null,\"ok\":0.25,\"list\":[1.0,null]}");
    assertThat(Mappers.yaml().writeValueAsString(m)).contains("nan: null", "inf: null", "f: null", "ok: 0.25");
    // trees too (metrics.json and train.jsonl are written from trees), and records' fields
    var tree = Mappers.json().createObjectNode().put("loss", Float.NaN).put("lr", 0.1);
    assertThat(Mappers.json().writeValueAsString(tree)).isEqualTo("{\"loss\":null,\"lr\":0.1}");
    assertThat(Mappers.json().writeValueAsString(new Point(Double.NEGATIVE_INFINITY, Float.NaN)))
        .isEqualTo("{\"x\":null,\"y\":null}");
  }

  @Test
  void readsPythonsBareNanAndInfinityAsNumbers() throws Exception {
    var n = Mappers.json().readTree("{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity, \"d\": null}");
    assertThat(n.get("a").asDouble()).isNaN();
    assertThat(n.get("b").asDouble()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(n.get("c").asDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(n.get("d").asDouble(Double.NaN)).isNaN();
  }

  @Test
  void readingIsStrict() {
    assertThatThrownBy(() -> Mappers.json().readValue("{\"x\": 1, \"z\": 2}", Point.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
    assertThatThrownBy(() -> Mappers.yaml().readValue("{x: '1'}", Point.class))
        .hasMessageContaining("String");
  }
}
