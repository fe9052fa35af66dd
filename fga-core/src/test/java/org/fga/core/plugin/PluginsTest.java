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
  public static class BaselineProviderDelegate extends org.fga.core.testing.DelegatingMethodProvider {
    public BaselineProviderDelegate() {
      super(new BaselineProvider());
    }
  }

  /** A provider whose name is not its config record's {@code @JsonTypeName}. */
  public static final class Misnamed extends org.fga.core.testing.DelegatingMethodProvider {
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
}
