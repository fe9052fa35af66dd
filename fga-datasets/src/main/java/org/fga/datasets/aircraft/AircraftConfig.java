package org.fga.datasets.aircraft;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Locale;
import org.fga.datasets.DiskDataConfig;

/**
 * {@code data: {type: aircraft, root: ...}}.
 *
 * @param root the {@code fgvc-aircraft-2013b} folder (or its {@code data/}, or the folder holding
 *     it)
 * @param imageSize training and test crop (missing or 0: 448)
 * @param skipCorrupt skip unreadable images instead of failing
 * @param level {@code variant} (100 classes, the default), {@code family} (70) or {@code
 *     manufacturer} (30)
 * @param trainSet {@code trainval} (default: the papers train on train + val) or {@code train}
 * @param cropBanner cut the 20-pixel copyright banner off the bottom of every image (default true,
 *     as the dataset's README asks); boxes are clipped to what is left. False keeps the images as
 *     they are on disk
 */
@JsonTypeName("aircraft")
public record AircraftConfig(
    String root,
    int imageSize,
    boolean skipCorrupt,
    String level,
    String trainSet,
    boolean cropBanner)
    implements DiskDataConfig {
  public AircraftConfig {
    DiskDataConfig.requireRoot(root, "aircraft");
    imageSize = DiskDataConfig.imageSizeOr(imageSize, 448);
    level = level == null ? "variant" : level.toLowerCase(Locale.ROOT);
    trainSet = trainSet == null ? "trainval" : trainSet.toLowerCase(Locale.ROOT);
    if (!level.equals("variant") && !level.equals("family") && !level.equals("manufacturer")) {
      throw new IllegalArgumentException(
          "data.level must be variant, family or manufacturer, got '" + level + "'");
    }
    if (!trainSet.equals("trainval") && !trainSet.equals("train")) {
      throw new IllegalArgumentException(
          "data.trainSet must be trainval or train, got '" + trainSet + "'");
    }
  }

  /** Reads the block with every key optional but {@code root}. */
  @JsonCreator
  public static AircraftConfig fromJson(
      @JsonProperty("root") String root,
      @JsonProperty("imageSize") Integer imageSize,
      @JsonProperty("skipCorrupt") Boolean skipCorrupt,
      @JsonProperty("level") String level,
      @JsonProperty("trainSet") String trainSet,
      @JsonProperty("cropBanner") Boolean cropBanner) {
    return new AircraftConfig(
        root,
        imageSize == null ? 0 : imageSize,
        skipCorrupt != null && skipCorrupt,
        level,
        trainSet,
        cropBanner == null || cropBanner);
  }

  public static AircraftConfig of(String root) {
    return new AircraftConfig(root, 0, false, null, null, true);
  }
}
