package org.fga.core.plugin;

import org.fga.core.error.PluginException;
import org.fga.core.naming.Named;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.fga.core.backbone.BackboneProvider;
import org.fga.core.bench.BenchProvider;
import org.fga.core.data.provider.DatasetProvider;
import org.fga.core.data.pipeline.StepType;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import org.fga.core.io.Mappers;
import org.fga.core.method.MethodProvider;
import org.fga.core.metric.MetricProvider;

/**
 * Bootstrap: finds every {@link FgaModule} on a class loader, builds one Guice injector, indexes the
 * providers by name and builds the Jackson mappers that know every plugin's config types.
 */
public final class Plugins {
  private final List<FgaModule> modules;
  private final Injector injector;
  private final Registry<MethodProvider<?>> methods;
  private final Registry<BackboneProvider> backbones;
  private final Registry<DatasetProvider> datasets;
  private final Registry<MetricProvider> metrics;
  private final Registry<StepType> steps;
  private final Registry<BenchProvider> benches;
  private final ObjectMapper yaml;
  private final ObjectMapper json;

  private Plugins(List<FgaModule> modules) {
    this.modules = List.copyOf(modules);
    List<com.google.inject.Module> all = new ArrayList<>(modules);
    all.add(
        new AbstractModule() {
          @Override
          protected void configure() {
            PluginBinder.declareAll(binder());
          }
        });
    try {
      this.injector = Guice.createInjector(all);
    } catch (CreationException e) {
      throw new PluginException("plugin wiring failed: " + e.getMessage(), e);
    }
    this.methods = new Registry<>("method", methodProviders());
    this.backbones = new Registry<>("backbone", set(BackboneProvider.class));
    this.datasets = new Registry<>("dataset", set(DatasetProvider.class));
    this.metrics = new Registry<>("metric", set(MetricProvider.class));
    this.steps = new Registry<>("pipeline step", set(StepType.class));
    this.benches = new Registry<>("benchmark", set(BenchProvider.class));
    for (MethodProvider<?> p : methods.all()) {
      checkNamed("method", p, p.configType());
    }
    for (DatasetProvider p : datasets.all()) {
      checkNamed("dataset", p, p.configType());
    }
    for (MetricProvider p : metrics.all()) {
      checkNamed("metric", p, p.configType());
    }
    this.yaml = configure(Mappers.yaml());
    this.json = configure(Mappers.json());
  }

  /**
   * A provider and its config record must carry one name: experiment files select the record by
   * its {@code @JsonTypeName}, the registry the provider by {@code name()}. A mismatch would show
   * the plugin in {@code fga list} and then fail every spec with "unknown type".
   */
  private static void checkNamed(String kind, Named provider, Class<?> configType) {
    if (configType == null) {
      throw new PluginException(
          kind + " plugin " + provider.getClass().getName() + " gives no config type");
    }
    com.fasterxml.jackson.annotation.JsonTypeName n =
        configType.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class);
    String declared = n == null ? null : n.value();
    if (!provider.name().equals(declared)) {
      throw new PluginException(
          kind + " plugin " + provider.getClass().getName() + " is named '" + provider.name()
              + "' but its config " + configType.getName()
              + (declared == null ? " has no @JsonTypeName" : " is named '" + declared + "'")
              + ": give both the same name");
    }
  }

  /** Loads the plugins visible to the context class loader (or this class's loader). */
  public static Plugins load() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return load(cl != null ? cl : Plugins.class.getClassLoader());
  }

  /** Loads the plugins visible to {@code classLoader}, in class-name order for reproducibility. */
  public static Plugins load(ClassLoader classLoader) {
    List<FgaModule> found = new ArrayList<>();
    try {
      for (FgaModule m : ServiceLoader.load(FgaModule.class, classLoader)) {
        found.add(m);
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginException("a plugin could not be loaded: " + e.getMessage(), e);
    }
    found.sort(Comparator.comparing(m -> m.getClass().getName()));
    return of(found);
  }

  /** Wires exactly the given modules (tests use this to stage conflicts). */
  public static Plugins of(List<FgaModule> modules) {
    return new Plugins(modules);
  }

  /** Guice keys the set by the raw interface; every element is some {@code MethodProvider<C>}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Set<MethodProvider<?>> methodProviders() {
    return (Set) set(MethodProvider.class);
  }

  private <T> Set<T> set(Class<T> type) {
    return injector.getInstance(Key.get(setOf(type)));
  }

  @SuppressWarnings("unchecked")
  private static <T> TypeLiteral<Set<T>> setOf(Class<T> type) {
    return (TypeLiteral<Set<T>>)
        TypeLiteral.get(com.google.inject.util.Types.setOf(type));
  }

  private ObjectMapper configure(ObjectMapper mapper) {
    // reading rules and the NaN rule come from Mappers; run files are written for people to read
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    for (FgaModule m : modules) {
      for (com.fasterxml.jackson.databind.Module jm : m.jacksonModules()) {
        mapper.registerModule(jm);
      }
    }
    for (StepType t : steps.all()) {
      mapper.registerSubtypes(new NamedType(t.config(), t.name()));
    }
    // Every provider's config record is registered here, under the provider's name (checked equal
    // to the record's @JsonTypeName above): a plugin cannot be listed by `fga list` and yet be an
    // "unknown type" in a spec for want of a Jackson registration.
    for (MethodProvider<?> p : methods.all()) {
      mapper.registerSubtypes(new NamedType(p.configType(), p.name()));
    }
    for (DatasetProvider p : datasets.all()) {
      mapper.registerSubtypes(new NamedType(p.configType(), p.name()));
    }
    for (MetricProvider p : metrics.all()) {
      mapper.registerSubtypes(new NamedType(p.configType(), p.name()));
    }
    return mapper;
  }

  public Injector injector() {
    return injector;
  }

  public List<FgaModule> modules() {
    return modules;
  }

  public Registry<MethodProvider<?>> methods() {
    return methods;
  }

  public Registry<BackboneProvider> backbones() {
    return backbones;
  }

  public Registry<DatasetProvider> datasets() {
    return datasets;
  }

  public Registry<MetricProvider> metrics() {
    return metrics;
  }

  public Registry<StepType> steps() {
    return steps;
  }

  /** Benchmarks that modules register, run by {@code fga bench <name>}. */
  public Registry<BenchProvider> benches() {
    return benches;
  }

  /**
   * What reads a spec's {@code init.weights} into a model; bound by the plugin that defines the
   * parameters' names (the backbones plugin).
   */
  public org.fga.core.io.ModelWeights modelWeights() {
    com.google.inject.Binding<org.fga.core.io.ModelWeights> b =
        injector.getExistingBinding(Key.get(org.fga.core.io.ModelWeights.class));
    if (b == null) {
      throw new PluginException("init.weights needs a plugin that binds " + org.fga.core.io.ModelWeights.class.getName()
          + " (fga-backbones does); none of the loaded modules does");
    }
    return b.getProvider().get();
  }

  /** A YAML mapper that knows every plugin's config subtypes. */
  public ObjectMapper yaml() {
    return yaml;
  }

  /** A JSON mapper that knows every plugin's config subtypes. */
  public ObjectMapper json() {
    return json;
  }
}
