package org.fga.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.fga.core.data.Split;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.plugin.Plugins;
import org.fga.core.spec.ExperimentSpec;
import org.fga.core.spec.SpecReader;
import org.fga.core.testing.TestPlugins;
import org.fga.core.train.Session;
import org.junit.jupiter.api.Test;

class EvaluatorReidTest {
  private static final Plugins PLUGINS = TestPlugins.load();

  private static ExperimentSpec spec() {
    String yaml =
        """
        name: reid-labels
        method: {type: baseline}
        backbone: {arch: tiny}
        data: {type: people, imageSize: 32, identities: 5, testIdentities: 3}
        schedule: {epochs: 1, batchSize: 8}
        eval: {metrics: []}
        seed: 1
        """;
    return new SpecReader(PLUGINS).parse(yaml, false, "reid-labels.yaml");
  }

  /**
   * Query and gallery samples have no class (label -1); if the evaluator passed that on, every
   * query would match every gallery image and any model would score 100 %.
   */
  @Test
  void reidQueriesAndGalleryAreLabelledByIdentity() {
    try (Session s = new Session(PLUGINS, spec())) {
      EvalNeeds needs = new EvalNeeds(false, true, false, false);
      Evaluator ev = new Evaluator(s, 8);
      EvalOutputs query = ev.collect(Split.QUERY, needs, null);
      EvalOutputs gallery = ev.collect(Split.GALLERY, needs, null);
      // test identities follow the 5 training ones; query i shows identity 6 + i / 2 (two cameras)
      assertThat(query.labels()).containsExactly(6, 6, 7, 7, 8, 8);
      assertThat(gallery.labels()).containsOnly(6, 7, 8);
    }
  }
}
