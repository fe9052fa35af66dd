package org.fga.core.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.MetricConfig;
import org.fga.core.rundir.RunDir;
import org.fga.core.spec.EvalSpec;
import org.fga.core.train.Session;

/**
 * Evaluates a trained method: runs it over the reported split (and the held-out split when a
 * metric chooses thresholds) with an {@link OutputCollector}, scores what was collected with the
 * requested metrics, and draws overlays of the first collected samples with an {@link
 * OverlayWriter}. Attention maps are those of {@link AttentionMaps}; metrics normalise them
 * (min-max) themselves.
 */
public final class Evaluator {
  private final Session session;
  private final OutputCollector collector;

  public Evaluator(Session session, int batchSize) {
    this.session = session;
    this.collector = new OutputCollector(session, batchSize);
  }

  /** Scores the spec's metrics: metric name → its result. Writes overlays if {@code run} != null. */
  public Map<String, Object> evaluate(EvalSpec spec, RunDir run) {
    List<ConfiguredMetric> metrics = new ArrayList<>();
    EvalNeeds needs = EvalNeeds.none();
    for (MetricConfig config : spec.metricsOrDefault(session.plugins().metrics())) {
      ConfiguredMetric m = ConfiguredMetric.of(session.plugins().metrics(), config);
      metrics.add(m);
      needs = needs.or(m.provider().needs());
    }
    boolean wantOverlays = run != null && spec.overlays() > 0 && canAttend();
    EvalNeeds collectNeeds = wantOverlays ? needs.or(new EvalNeeds(false, false, true, false)) : needs;
    if (spec.heldOut() != null && split(spec.heldOut()) == split(spec.split())) {
      // A threshold chosen on the split it is reported on is the optimistic protocol: refuse it.
      throw new FgaUserException("eval.heldOut '" + spec.heldOut() + "' is the reported split; choose another"
          + " split (e.g. val) or leave heldOut out to report the max over thresholds");
    }
    boolean reid = session.train().info().task() == Task.REID;
    // each split is opened (its lists read, its files found) once, then checked and collected
    FgaDataset reported = reid ? null : session.open(split(spec.split()));
    EvalOutputs heldOut = null;
    if (needs.heldOut() && spec.heldOut() != null) {
      FgaDataset held = session.open(split(spec.heldOut()));
      requireDisjoint(held, spec.heldOut(), reported != null ? reported : session.open(split(spec.split())), spec.split());
      heldOut = collector.collect(held, collectNeeds, null, 0).outputs();
    }
    EvalOutputs test;
    List<OverlaySample> overlays = List.of();
    if (reid) {
      // re-ID protocols rank a gallery for each query: the reported split is query vs gallery
      test = collect(Split.QUERY, collectNeeds, heldOut).withGallery(collect(Split.GALLERY, collectNeeds, null));
    } else {
      OutputCollector.Collected c = collector.collect(reported, collectNeeds, heldOut, wantOverlays ? spec.overlays() : 0);
      test = c.outputs();
      overlays = c.overlays();
    }
    Map<String, Object> results = new LinkedHashMap<>();
    for (ConfiguredMetric m : metrics) {
      results.put(m.name(), m.compute(test));
    }
    if (wantOverlays) {
      OverlayWriter.write(overlays, test.maps(), metrics, results, run.attention());
    }
    return results;
  }

  /**
   * Refuses a held-out split that shares images with the reported one. Different split names are
   * not enough: a reader may serve two names from one folder (ImageNet's val/ as both val and
   * test), and a threshold chosen there would be chosen on the reported images. Images are
   * compared by {@link FgaDataset#source}, not by id, because two lists may name one file
   * differently.
   */
  private static void requireDisjoint(FgaDataset held, String heldName, FgaDataset test, String testName) {
    java.util.Set<String> sources = new java.util.HashSet<>();
    for (int i = 0; i < held.size(); i++) {
      sources.add(held.source(i));
    }
    int shared = 0;
    String example = null;
    for (int i = 0; i < test.size(); i++) {
      if (sources.contains(test.source(i))) {
        shared++;
        example = example == null ? test.id(i) : example;
      }
    }
    if (shared > 0) {
      throw new FgaUserException(
          "eval.heldOut split '" + heldName.toLowerCase(Locale.ROOT) + "' shares " + shared
              + " of its images with the reported split '" + testName.toLowerCase(Locale.ROOT)
              + "' (e.g. " + example + "); thresholds must be chosen on other images: give the held-out"
              + " split its own (data.splits.val, or the reader's held-out option)");
    }
  }

  private boolean canAttend() {
    return session.train().info().task() != Task.REID;
  }

  /** The split {@code name} names (any case); an unknown name is refused with the known ones. */
  public static Split split(String name) {
    try {
      return Split.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FgaUserException(
          "unknown split '" + name + "'; known: " + java.util.Arrays.stream(Split.values())
              .map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    }
  }

  /** Runs the method over one split and keeps what {@code needs} asks for, in dataset order. */
  public EvalOutputs collect(Split split, EvalNeeds needs, EvalOutputs heldOut) {
    return collector.collect(session.open(split), needs, heldOut, 0).outputs();
  }
}
