package org.fga.core.plugin;

import com.google.inject.TypeLiteral;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Reads a plugin's config type from its declaration, so that a provider names its record once. */
public final class PluginTypes {
  private PluginTypes() {}

  /**
   * The class bound to the first type parameter of {@code kind} in {@code impl}'s declaration: for
   * {@code class CalProvider implements MethodProvider<CalConfig>}, {@code CalConfig}. Guice's
   * {@link TypeLiteral} resolves it through any depth of superclasses and interfaces.
   *
   * @throws IllegalStateException in one line when {@code impl} leaves the type argument open (a raw
   *     or generic implementation), which must then override {@code configType()}
   */
  @SuppressWarnings("unchecked") // the bound of kind's parameter is checked by the compiler at impl
  public static <C> Class<C> typeArgument(Class<?> impl, Class<?> kind) {
    Type type = TypeLiteral.get(impl).getSupertype((Class<Object>) kind).getType();
    if (type instanceof ParameterizedType p) {
      Type arg = p.getActualTypeArguments()[0];
      if (arg instanceof Class<?> c) {
        return (Class<C>) c;
      }
      if (arg instanceof ParameterizedType pa && pa.getRawType() instanceof Class<?> c) {
        return (Class<C>) c;
      }
    }
    throw new PluginException(
        impl.getName() + " does not say which config it reads: declare it as 'implements "
            + kind.getSimpleName() + "<YourConfig>' or override configType()");
  }
}
