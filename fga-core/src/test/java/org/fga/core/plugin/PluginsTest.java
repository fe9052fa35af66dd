package org.fga.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import java.util.List;
import org.fga.core.baseline.BaselineModule;
import org.fga.core.baseline.BaselineProvider;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;

class PluginsTest {
  /** A second plugin that also claims the name {@code baseline}. */
  public static final class Impostor extends AbstractModule implements FgaModule {
    @Override
    protected void configure() {
      PluginBinder.of(binder()).method(Copy.class);
    }
  }

  public static final class Copy extends BaselineProviderDelegate {}

  /** Same name as the real provider, different class. */
  public static class BaselineProviderDelegate
      extends org.fga.core.testing.DelegatingMethodProvider<org.fga.core.baseline.BaselineConfig> {
    public BaselineProviderDelegate() {
      super(new BaselineProvider());
    }
  }

  /** A provider whose name is not its config record's {@code @JsonTypeName}. */
  public static final class Misnamed
      extends org.fga.core.testing.DelegatingMethodProvider<org.fga.core.baseline.BaselineConfig> {
    public Misnamed() {
      super(new BaselineProvider());
    }

    @Override
    public String name() {
      return "plain";
    }
  }

  public static final class MisnamedModule extends AbstractModule implements FgaModule {
    @Override
    protected void configure() {
      PluginBinder.of(binder()).method(Misnamed.class);
    }
  }

  @Test
  void aProviderNamedUnlikeItsConfigFailsAtStartUpInOneLine() {
    assertThatThrownBy(() -> Plugins.of(List.of(new MisnamedModule())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("method plugin " + Misnamed.class.getName() + " is named 'plain' but its config "
            + org.fga.core.baseline.BaselineConfig.class.getName() + " is named 'baseline': give both the same name");
  }

  @Test
  void serviceLoaderFindsTheCoresOwnPlugins() {
    Plugins p = Plugins.load();
    assertThat(p.methods().names()).contains("baseline");
  }

  @Test
  void twoPluginsClaimingOneNameFailAtStartUpNamingBoth() {
    assertThatThrownBy(() -> Plugins.of(List.of(new BaselineModule(), new Impostor())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two method plugins claim the name 'baseline'")
        .hasMessageContaining(BaselineProvider.class.getName())
        .hasMessageContaining(Copy.class.getName());
  }

  @Test
  void anUnknownNameFailsWithTheKnownNames() {
    Plugins p = Plugins.of(List.of(new BaselineModule()));
    assertThatThrownBy(() -> p.methods().get("cla"))
        .isInstanceOf(FgaUserException.class)
        .hasMessage("unknown method 'cla'; known: baseline");
  }

  /** A provider that does not say which config it reads. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static final class Untyped implements org.fga.core.method.MethodProvider {
    @Override
    public org.fga.core.method.MethodConfig defaultConfig() {
      return org.fga.core.baseline.BaselineConfig.defaults();
    }

    @Override
    public org.fga.core.method.Method create(
        org.fga.core.method.MethodConfig c, org.fga.core.backbone.Backbone b, org.fga.core.data.DatasetInfo d) {
      throw new UnsupportedOperationException();
    }
  }

  /** A config record without {@code @JsonTypeName}. */
  public record Nameless(Double alpha) implements org.fga.core.method.MethodConfig {}

  public static final class NamelessProvider implements org.fga.core.method.MethodProvider<Nameless> {
    @Override
    public Nameless defaultConfig() {
      return new Nameless(1.0);
    }

    @Override
    public org.fga.core.method.Method create(
        Nameless c, org.fga.core.backbone.Backbone b, org.fga.core.data.DatasetInfo d) {
      throw new UnsupportedOperationException();
    }
  }

  private static FgaModule binding(Class<? extends org.fga.core.method.MethodProvider<?>> provider) {
    return new FgaModuleOf(provider);
  }

  private static final class FgaModuleOf extends AbstractModule implements FgaModule {
    private final Class<? extends org.fga.core.method.MethodProvider<?>> provider;

    FgaModuleOf(Class<? extends org.fga.core.method.MethodProvider<?>> provider) {
      this.provider = provider;
    }

    @Override
    protected void configure() {
      PluginBinder.of(binder()).method(provider);
    }
  }

  @Test
  void aTypedProviderIsNamedByItsConfigAndReadableWithoutAnyJacksonRegistration() throws Exception {
    // BaselineModule has no jacksonModules(): the core registers the provider's config type itself
    Plugins p = Plugins.of(List.of(new BaselineModule()));
    BaselineProvider provider = (BaselineProvider) p.methods().get("baseline");
    assertThat(provider.configType()).isEqualTo(org.fga.core.baseline.BaselineConfig.class);
    assertThat(p.yaml().readValue("{type: baseline, labelSmoothing: 0.1}", org.fga.core.method.MethodConfig.class))
        .isEqualTo(new org.fga.core.baseline.BaselineConfig(null, 0.1));
    assertThat(p.json().readValue("{\"type\": \"baseline\"}", org.fga.core.method.MethodConfig.class))
        .isInstanceOf(org.fga.core.baseline.BaselineConfig.class);
  }

  @Test
  void aProviderThatDoesNotSayItsConfigFailsAtStartUpInOneLine() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<? extends org.fga.core.method.MethodProvider<?>> untyped = (Class) Untyped.class;
    assertThatThrownBy(() -> Plugins.of(List.of(binding(untyped))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(Untyped.class.getName() + " does not say which config it reads: declare it as"
            + " 'implements MethodProvider<YourConfig>' or override configType()");
  }

  @Test
  void aConfigWithoutJsonTypeNameFailsAtStartUpInOneLine() {
    assertThatThrownBy(() -> Plugins.of(List.of(binding(NamelessProvider.class))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(Nameless.class.getName()
            + " needs @JsonTypeName(\"<name>\"): the name experiment files select it by");
  }

  @Test
  void aConfigOfAnotherMethodIsRefusedNamingBothTypes() {
    assertThatThrownBy(() -> new BaselineProvider().createFrom(new Nameless(1.0), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method 'baseline' reads BaselineConfig, got Nameless");
  }

  @Test
  void aTypedDatasetIsNamedByItsConfigAndRefusesAnotherDatasetsConfig() {
    var people = new org.fga.core.testing.PeopleData.Provider();
    assertThat(people.configType()).isEqualTo(org.fga.core.testing.PeopleData.PeopleConfig.class);
    assertThat(people.name()).isEqualTo("people");
    org.fga.core.data.provider.DataConfig squares = new org.fga.core.testing.SquaresData.Config(16, 4, null);
    assertThatThrownBy(() -> people.open(squares, org.fga.core.data.Split.TRAIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataset 'people' reads PeopleConfig, got Config");
  }
}
