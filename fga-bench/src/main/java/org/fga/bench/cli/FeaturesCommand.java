package org.fga.bench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fga.core.plugin.Plugins;
import org.fga.core.run.ExperimentRunner;
import org.fga.core.run.FeatureRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fga features}: a trained run's test features as .npy files, for another evaluator. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
      "Write the test features of a trained run (its newest checkpoint, or",
      "--checkpoint) as .npy: what its metrics score, so another evaluator (a",
      "reference's own test code, fga eval reid) can score the same model.",
      "A re-ID run writes query_* and gallery_* (features, labels = identities,",
      "cams, images.txt) and prints the fga eval reid command that scores them;",
      "another run writes its eval.split (or --split). Never overwrites a file."
    })
public final class FeaturesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "a run directory written by fga train")
  Path run;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder the files go to")
  Path out;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "this checkpoint instead of the newest")
  Path checkpoint;

  @Option(names = "--split", paramLabel = "SPLIT", description = "the split of a non-re-ID run (default: its eval.split)")
  String split;

  @Option(names = "--weights", paramLabel = "FILE",
      description = "instead of a checkpoint: a whole model (init.weights names, e.g. converted from another code base)")
  Path weights;

  @Option(names = "--with-model", description = "also model.safetensors: every parameter, by init.weights names")
  boolean withModel;

  @Override
  public Integer call() throws Exception {
    Plugins plugins = Plugins.load();
    ObjectNode result = new ExperimentRunner(plugins, System.err, true).features(run, new FeatureRequest(out, checkpoint, weights, split, withModel));
    spec.commandLine().getOut().println(plugins.json().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
