package org.fga.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDecorator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/**
 * The one place Jackson mappers are made, so every file fga reads or writes follows the same
 * rules:
 *
 * <ul>
 *   <li>Reading is strict: an unknown key, a number for an enum, or a string where a number is
 *       expected is an error (experiment files name the key); an absent primitive reads as 0 so a
 *       record's compact constructor can fill in its default; one value stands for a one-element
 *       list.
 *   <li>One NaN rule: a number that is not finite (an undefined metric, a NaN loss) is written as
 *       {@code null}, JSON's "no value", which every JSON reader accepts (a bare {@code NaN} is
 *       not JSON, and Jackson's default, the string {@code "NaN"}, is a string to everyone else).
 *       When reading, the bare tokens {@code NaN} and {@code Infinity} that Python's {@code json}
 *       module writes are accepted as numbers.
 * </ul>
 *
 * Each call returns a new mapper: {@link org.fga.core.plugin.Plugins} adds the plugins' config
 * types to its own pair without changing anybody else's.
 */
public final class Mappers {
  private Mappers() {}

  /** A JSON mapper with the rules above. */
  public static JsonMapper json() {
    JsonFactory factory = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .addDecorator(NON_FINITE_AS_NULL).build();
    return configure(JsonMapper.builder(factory)).build();
  }

  /** A YAML mapper with the rules above; documents are written without a leading {@code ---}. */
  public static YAMLMapper yaml() {
    YAMLFactory factory = YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
        .addDecorator(NON_FINITE_AS_NULL).build();
    // YAMLFactory ignores generator decorators: values go through NonFiniteAsNullSerializer instead
    // (JSON trees and values, YAML values; no YAML tree fga writes holds a non-finite number)
    return configure(YAMLMapper.builder(factory)).build();
  }

  private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B b) {
    return b.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // absent primitive keys arrive as 0 so that records can fill in their defaults
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(new SimpleModule("fga-non-finite-as-null")
            .addSerializer(Double.class, NonFiniteAsNullSerializer.INSTANCE)
            .addSerializer(Double.TYPE, NonFiniteAsNullSerializer.INSTANCE)
            .addSerializer(Float.class, NonFiniteAsNullSerializer.INSTANCE)
            .addSerializer(Float.TYPE, NonFiniteAsNullSerializer.INSTANCE));
  }

  /** Every generator a mapper of this class makes writes non-finite numbers as {@code null}. */
  private static final JsonGeneratorDecorator NON_FINITE_AS_NULL = (factory, generator) -> new NonFiniteAsNull(generator);

  /** The NaN rule for values (boxed or primitive doubles and floats) of records, maps and lists. */
  private static final class NonFiniteAsNullSerializer extends StdScalarSerializer<Object> {
    static final NonFiniteAsNullSerializer INSTANCE = new NonFiniteAsNullSerializer();

    private NonFiniteAsNullSerializer() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator g, SerializerProvider provider) throws IOException {
      if (value instanceof Float f) {
        if (Float.isFinite(f)) {
          g.writeNumber(f);
        } else {
          g.writeNull();
        }
      } else {
        double d = ((Number) value).doubleValue();
        if (Double.isFinite(d)) {
          g.writeNumber(d);
        } else {
          g.writeNull();
        }
      }
    }
  }

  private static final class NonFiniteAsNull extends JsonGeneratorDelegate {
    NonFiniteAsNull(JsonGenerator d) {
      super(d, false);
    }

    @Override
    public void writeNumber(double v) throws IOException {
      if (Double.isFinite(v)) {
        super.writeNumber(v);
      } else {
        writeNull();
      }
    }

    @Override
    public void writeNumber(float v) throws IOException {
      if (Float.isFinite(v)) {
        super.writeNumber(v);
      } else {
        writeNull();
      }
    }
  }
}
