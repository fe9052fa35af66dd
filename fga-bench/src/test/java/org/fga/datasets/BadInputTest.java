package org.fga.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.bench.layout.CubLayout;
import org.fga.datasets.synthetic.SyntheticConfig;
import org.fga.datasets.cub.CubConfig;
import org.fga.datasets.cub.CubDatasetProvider;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  @TempDir Path dir;

  private Path cub() throws Exception {
    new CubLayout()
        .write(
            SyntheticConfig.builder()
                .optTrainSize(6)
                .optTestSize(3)
                .optNumClasses(3)
                .optImageSize(32)
                .build(),
            dir);
    return dir;
  }

  @Test
  void aLabelOutOfRangeNamesTheFileAndImage() throws Exception {
    Path root = cub();
    Path labels = root.resolve("image_class_labels.txt");
    List<String> lines = new ArrayList<>(Files.readAllLines(labels));
    lines.set(2, "3 9");
    Files.write(labels, lines);
    assertThatThrownBy(
            () -> new CubDatasetProvider().open(CubConfig.of(root.toString()), Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessage(labels + ": image 3 has class 9, outside 1..3");
  }

  @Test
  void partLocationsAreOptionalButAMalformedLineNamesFileAndRow() throws Exception {
    Path root = cub();
    CubConfig cfg = CubConfig.of(root.toString());
    Path locs = root.resolve("parts/part_locs.txt");
    List<String> lines = new ArrayList<>(Files.readAllLines(locs));
    lines.set(6, "2 2 12.0 oops 1");
    Files.write(locs, lines);
    assertThatThrownBy(() -> new CubDatasetProvider().open(cfg, Split.TRAIN))
        .isInstanceOf(FgaUserException.class)
        .hasMessage(locs + " row 7: 'oops' is not a number");
    lines.set(6, "2 9 12.0 3.0 1");
    Files.write(locs, lines);
    assertThatThrownBy(() -> new CubDatasetProvider().open(cfg, Split.TRAIN))
        .hasMessage(locs + " row 7: part id 9 is not in parts.txt (1..5)");
    lines.set(6, "2 2 12.0 3.0 2");
    Files.write(locs, lines);
    assertThatThrownBy(() -> new CubDatasetProvider().open(cfg, Split.TRAIN))
        .hasMessage(locs + " row 7: visible must be 0 or 1, got 2");
    lines.remove(6);
    Files.write(locs, lines);
    assertThatThrownBy(() -> new CubDatasetProvider().open(cfg, Split.TRAIN))
        .hasMessage(locs + " has no line for image 2 part 2 (left eye)");
    Files.delete(locs);
    assertThatThrownBy(() -> new CubDatasetProvider().open(cfg, Split.TRAIN))
        .hasMessage("annotation file not found: " + locs);
    Files.delete(root.resolve("parts/parts.txt"));
    FileDataset noParts = new CubDatasetProvider().open(cfg, Split.TRAIN);
    assertThat(noParts.get(0).keypoints()).isNull();
    assertThat(noParts.get(0).boxes()).hasSize(1);
  }

  @Test
  void aTruncatedJpegFailsNamingTheFileOrIsSkippedAndCounted() throws Exception {
    Path root = cub();
    FileDataset ds = new CubDatasetProvider().open(CubConfig.of(root.toString()), Split.TRAIN);
    Path victim = ds.entries().get(1).image();
    byte[] bytes = Files.readAllBytes(victim);
    Files.write(victim, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
    assertThatThrownBy(() -> ds.get(1))
        .isInstanceOf(FgaUserException.class)
        .hasMessageStartingWith("damaged image " + victim);

    FileDataset lenient =
        new CubDatasetProvider()
            .open(new CubConfig(root.toString(), 0, true, null, 0, null, null), Split.TRAIN);
    Sample s = lenient.get(1);
    assertThat(s.id()).isEqualTo(lenient.entries().get(2).id()); // the next good image stands in
    assertThat(lenient.skipped()).containsExactly(victim.toString());
    Files.writeString(victim, "not an image at all");
    assertThatThrownBy(() -> ds.get(1)).hasMessageContaining(victim.toString());
  }

  @Test
  void aMissingImageNamesTheFile() throws Exception {
    Path root = cub();
    FileDataset ds = new CubDatasetProvider().open(CubConfig.of(root.toString()), Split.TEST);
    Files.delete(ds.entries().get(0).image());
    assertThatThrownBy(() -> ds.get(0))
        .hasMessage("image file not found: " + ds.entries().get(0).image());
  }
}
