package org.fga.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.fga.core.data.provider.DataConfig;
import org.fga.core.data.FgaDataset;
import org.fga.core.data.Keypoint;
import org.fga.core.data.Split;
import org.fga.core.error.FgaUserException;

/**
 * Validates a downloaded dataset: opens every split (which parses every annotation file), compares
 * the image counts with the official release, counts the part locations read, and decodes every
 * image and mask, listing the files that are missing or unreadable. A dataset that is not one file
 * per image has every sample drawn instead.
 */
public final class DatasetCheck {
  private DatasetCheck() {}

  /**
   * What was found in one split.
   *
   * @param keypoints part locations read (CUB: 15 per image), 0 if the dataset has none
   * @param visibleKeypoints those of them marked visible
   */
  public record SplitReport(
      Split split,
      int images,
      Integer official,
      List<String> problems,
      int keypoints,
      int visibleKeypoints) {
    public boolean countMatches() {
      return official == null || official == images;
    }
  }

  /** The whole check. */
  public record Report(String dataset, String root, int classes, List<SplitReport> splits) {
    public boolean filesOk() {
      return splits.stream().allMatch(s -> s.problems().isEmpty());
    }

    public boolean countsMatch() {
      return splits.stream().allMatch(SplitReport::countMatches);
    }
  }

  /**
   * Runs the check.
   *
   * @param decode decode every image (false: only check that the files exist)
   * @param progress called with (done, total) now and then, for a progress line
   */
  public static Report run(
      CheckableDataset provider, DataConfig config, boolean decode, Progress progress) {
    Map<Split, Integer> official = provider.officialCounts(config);
    List<SplitReport> reports = new ArrayList<>();
    int classes = 0;
    Map<Split, FgaDataset> opened = new LinkedHashMap<>();
    for (Split s : provider.splits(config)) {
      opened.put(s, provider.open(config, s));
    }
    int total = opened.values().stream().mapToInt(FgaDataset::size).sum();
    AtomicInteger done = new AtomicInteger();
    for (Map.Entry<Split, FgaDataset> e : opened.entrySet()) {
      FgaDataset ds = e.getValue();
      classes = ds.info().numClasses();
      List<String> problems = Collections.synchronizedList(new ArrayList<>());
      IntStream.range(0, ds.size())
          .parallel()
          .forEach(
              i -> {
                try {
                  if (ds instanceof FileDataset files) {
                    Entry entry = files.entries().get(i);
                    if (decode) {
                      FileDataset.load(entry);
                    } else if (!java.nio.file.Files.isRegularFile(entry.image())) {
                      throw new FgaUserException("image file not found: " + entry.image());
                    }
                  } else if (decode) {
                    // a dataset packed in a few files was read whole when it opened; drawing each
                    // sample checks what opening could not (a label outside the class list)
                    ds.get(i);
                  }
                } catch (FgaUserException err) {
                  problems.add(err.getMessage());
                }
                int d = done.incrementAndGet();
                if (progress != null && (d % 200 == 0 || d == total)) {
                  progress.update(d, total);
                }
              });
      List<String> sorted = new ArrayList<>(problems);
      Collections.sort(sorted);
      int points = 0;
      int visible = 0;
      for (Entry entry : ds instanceof FileDataset files ? files.entries() : List.<Entry>of()) {
        if (entry.keypoints() != null) {
          points += entry.keypoints().size();
          visible += (int) entry.keypoints().stream().filter(Keypoint::visible).count();
        }
      }
      reports.add(
          new SplitReport(
              e.getKey(),
              ds.size(),
              official.get(e.getKey()),
              List.copyOf(sorted),
              points,
              visible));
    }
    return new Report(
        provider.name(), String.valueOf(rootOf(config)), classes, List.copyOf(reports));
  }

  private static String rootOf(DataConfig config) {
    return config instanceof DiskDataConfig d ? d.root() : "";
  }

  /** Progress callback. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }
}
