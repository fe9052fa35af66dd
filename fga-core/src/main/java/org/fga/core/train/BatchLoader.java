package org.fga.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Sample;
import org.fga.core.data.SampleTransform;
import org.fga.core.data.sampling.IdentitySampler;
import org.fga.core.error.FgaUserException;

/**
 * Iterates one epoch of a dataset in batches. Samples are read and transformed on a thread pool,
 * a few batches ahead of the training thread. Every random draw comes from a generator seeded by
 * (seed, epoch, sample index), so the epoch's order and augmentations do not depend on thread
 * timing and a resumed run sees exactly what an uninterrupted one would.
 */
public final class BatchLoader implements AutoCloseable {
  private static final int PREFETCH = 3;

  private final FgaDataset dataset;
  private final SampleTransform transform;
  private final float[] mean;
  private final float[] std;
  private final int batchSize;
  private boolean shuffle;
  private final boolean dropLast;
  private final long seed;
  private final ExecutorService pool;
  private IdentitySampler sampler;
  private List<SampleTransform> views = List.of();

  public BatchLoader(
      FgaDataset dataset,
      SampleTransform transform,
      float[] mean,
      float[] std,
      int batchSize,
      boolean training,
      long seed,
      int threads) {
    this.dataset = dataset;
    this.transform = transform;
    this.mean = mean;
    this.std = std;
    this.batchSize = batchSize;
    this.shuffle = training;
    this.dropLast = training;
    this.seed = seed;
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            r -> {
              Thread t = new Thread(r, "fga-loader");
              t.setDaemon(true);
              return t;
            });
    if (training && dataset.size() < batchSize) {
      throw new FgaUserException(
          "the training split has " + dataset.size() + " samples, fewer than batchSize " + batchSize);
    }
  }

  /** Takes the training split in the dataset's order every epoch instead of shuffling it. */
  public BatchLoader optInOrder() {
    this.shuffle = false;
    return this;
  }

  /** Draws training batches as P×K identity groups instead of a plain shuffle. */
  public BatchLoader optIdentitySampler(IdentitySampler s) {
    if (s.batchSize() != batchSize) {
      throw new IllegalArgumentException("sampler batch " + s.batchSize() + " != batchSize " + batchSize);
    }
    this.sampler = s;
    return this;
  }

  /**
   * Turns each sample into several views, view k by {@code views.get(k)} with its own random draws
   * (seeded by seed, epoch, sample index and k). View 0 replaces the loader's transform.
   */
  public BatchLoader optViews(List<SampleTransform> views) {
    if (views.size() == 1) {
      throw new IllegalArgumentException("views need at least two transforms");
    }
    this.views = List.copyOf(views);
    return this;
  }

  /** Batches per epoch. */
  public int batchesPerEpoch() {
    int n = sampler != null ? sampler.batchesPerEpoch() * batchSize : dataset.size();
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  /** The epoch's sample order: a seeded shuffle for training, dataset order otherwise. */
  int[] order(int epoch) {
    if (sampler != null) {
      return sampler.epoch(seed, epoch);
    }
    int n = dataset.size();
    int[] idx = new int[n];
    Arrays.setAll(idx, i -> i);
    if (shuffle) {
      Random r = new Random(mix(seed, epoch, -1));
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
    }
    return idx;
  }

  /** Batches {@code fromBatch..} of epoch {@code epoch}, prefetched in the background. */
  public Iterator<HostBatch> epoch(int epoch, int fromBatch) {
    int[] order = order(epoch);
    int total = batchesPerEpoch();
    return new Iterator<>() {
      private final List<Future<HostBatch>> queue = new ArrayList<>();
      private int next = fromBatch;

      private void fill() {
        while (queue.size() < PREFETCH && next < total) {
          int b = next++;
          int from = b * batchSize;
          int to = Math.min(order.length, from + batchSize);
          int[] ids = Arrays.copyOfRange(order, from, to);
          queue.add(pool.submit(() -> load(ids, epoch)));
        }
      }

      @Override
      public boolean hasNext() {
        fill();
        return !queue.isEmpty();
      }

      @Override
      public HostBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          return queue.remove(0).get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException("loading failed", e.getCause());
        }
      }
    };
  }

  private HostBatch load(int[] ids, int epoch) {
    if (!views.isEmpty()) {
      return loadViews(ids, epoch);
    }
    List<Sample> samples = new ArrayList<>(ids.length);
    for (int id : ids) {
      samples.add(transform.apply(dataset.get(id), new Random(mix(seed, epoch, id))));
    }
    return HostBatch.assemble(ids, samples, dataset.info(), mean, std);
  }

  private HostBatch loadViews(int[] ids, int epoch) {
    List<List<Sample>> perView = new ArrayList<>();
    for (int k = 0; k < views.size(); k++) {
      perView.add(new ArrayList<>(ids.length));
    }
    for (int id : ids) {
      Sample raw = dataset.get(id);
      for (int k = 0; k < views.size(); k++) {
        // view 0 draws what a single-view loader would; each further view its own stream
        long s = k == 0 ? mix(seed, epoch, id) : mix(mix(seed, epoch, id), k, 0x71e5);
        perView.get(k).add(views.get(k).apply(raw, new Random(s)));
      }
    }
    return HostBatch.assemble(ids, perView.get(0), dataset.info(), mean, std).withViews(perView, mean, std);
  }

  /** A well-spread 64-bit seed from three numbers (SplitMix64 finaliser). */
  public static long mix(long a, long b, long c) {
    long z = a * 0x9E3779B97F4A7C15L + b * 0xBF58476D1CE4E5B9L + c * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
