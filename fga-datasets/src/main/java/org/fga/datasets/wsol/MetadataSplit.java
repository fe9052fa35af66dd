package org.fga.datasets.wsol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fga.core.data.Split;

/**
 * One entry of a reader's {@code splits:} block: the split is read from a wsolevaluation metadata
 * folder ({@link WsolMetadata}) instead of the dataset's own lists, e.g. {@code val: {metadata:
 * wsolevaluation/metadata/ILSVRC/val}}.
 *
 * @param metadata folder holding {@code image_ids.txt}, {@code class_labels.txt}, {@code
 *     localization.txt} and {@code image_sizes.txt}
 * @param images folder the image ids are relative to; missing: the reader's own image folder (the
 *     dataset root for {@code imagefolder}, {@code <root>/images} for {@code cub})
 */
public record MetadataSplit(String metadata, String images) {
  /** The splits wsolevaluation ships: train-weaksup, train-fullsup (as {@code val}) and test. */
  private static final Set<String> NAMES = Set.of("train", "val", "test");

  public MetadataSplit {
    if (metadata == null || metadata.isBlank()) {
      throw new IllegalArgumentException("data.splits: every split needs a metadata folder");
    }
  }

  @JsonCreator
  public static MetadataSplit fromJson(
      @JsonProperty("metadata") String metadata, @JsonProperty("images") String images) {
    return new MetadataSplit(metadata, images);
  }

  /**
   * {@code splits} with its keys checked (train, val or test); null is no override. The order is
   * kept so that a resolved spec reads as it was written.
   */
  public static Map<String, MetadataSplit> checked(Map<String, MetadataSplit> splits) {
    if (splits == null) {
      return Map.of();
    }
    for (Map.Entry<String, MetadataSplit> e : splits.entrySet()) {
      if (!NAMES.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "data.splits: unknown split '"
                + e.getKey()
                + "'; metadata can replace train, val or test");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException(
            "data.splits." + e.getKey() + " needs {metadata: <folder>}");
      }
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(splits));
  }

  /** The override of {@code split} in {@code splits}, or null if the reader's own is used. */
  public static MetadataSplit of(Map<String, MetadataSplit> splits, Split split) {
    return splits.get(split.name().toLowerCase(Locale.ROOT));
  }
}
