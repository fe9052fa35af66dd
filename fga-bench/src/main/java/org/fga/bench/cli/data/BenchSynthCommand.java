package org.fga.bench.cli.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.fga.core.data.Split;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.synthetic.SyntheticDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.fga.core.io.Mappers;

/**
 * {@code fga bench synth}: how fast the synthetic generator renders samples (image, masks, box), on
 * one thread and on all cores. Target: at least 1000 images/s at 64 px.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = "Synthetic data generation speed in images/s (JSON on stdout).")
public final class BenchSynthCommand implements Callable<Integer> {
  @Option(
      names = "--image-size",
      defaultValue = "64",
      description = "Image side (default ${DEFAULT-VALUE}).")
  int imageSize;

  @Option(
      names = "--images",
      defaultValue = "5000",
      description = "Images per measurement (default ${DEFAULT-VALUE}).")
  int images;

  @Option(
      names = "--task",
      defaultValue = "classification",
      description = "classification, multilabel or reid.")
  String task;

  @Option(
      names = "--warmup",
      defaultValue = "2000",
      description = "Images rendered before measuring (JIT warm-up).")
  int warmup;

  @Override
  public Integer call() throws Exception {
    SyntheticConfig cfg =
        SyntheticConfig.builder()
            .optTask(task)
            .optImageSize(imageSize)
            .optTrainSize(warmup + 2 * images)
            .build();
    SyntheticDataset ds = new SyntheticDataset(cfg, Split.TRAIN);
    AtomicLong sink = new AtomicLong();
    for (int i = 0; i < warmup; i++) {
      sink.addAndGet(ds.get(i).label());
    }
    long t0 = System.nanoTime();
    for (int i = warmup; i < warmup + images; i++) {
      sink.addAndGet(ds.get(i).label());
    }
    double single = images / ((System.nanoTime() - t0) / 1e9);
    long t1 = System.nanoTime();
    IntStream.range(warmup + images, warmup + 2 * images)
        .parallel()
        .forEach(i -> sink.addAndGet(ds.get(i).label()));
    double parallel = images / ((System.nanoTime() - t1) / 1e9);
    int threads = Runtime.getRuntime().availableProcessors();
    System.err.printf(
        "fga: synthetic %s %dpx: %.0f images/s on 1 thread, %.0f images/s on %d threads (target >="
            + " 1000)%n",
        task, imageSize, single, parallel, threads);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", "synth");
    json.put("task", task);
    json.put("imageSize", imageSize);
    json.put("images", images);
    json.put("imagesPerSecondOneThread", Math.round(single));
    json.put("imagesPerSecondAllThreads", Math.round(parallel));
    json.put("threads", threads);
    json.put("checksum", sink.get());
    System.out.println(
        Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    return 0;
  }
}
