package org.fga.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.fga.core.data.Box;
import org.fga.core.data.Mask;
import org.fga.core.data.Sample;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {
  private static SyntheticConfig.Builder small() {
    return SyntheticConfig.builder().optTrainSize(200).optValSize(50).optTestSize(100);
  }

  @Test
  void sameSeedSplitAndIndexGiveIdenticalPixelsInAnyOrderAndThread() {
    SyntheticDataset a = new SyntheticDataset(small().optSeed(3).build(), Split.TRAIN);
    SyntheticDataset b = new SyntheticDataset(small().optSeed(3).build(), Split.TRAIN);
    float[][] parallel =
        IntStream.range(0, 40)
            .parallel()
            .mapToObj(i -> b.get(i).image().data())
            .toArray(float[][]::new);
    for (int i = 39; i >= 0; i--) {
      assertThat(a.get(i).image().data()).isEqualTo(parallel[i]);
    }
  }

  @Test
  void keypointsLieOnTheCreatureAndOnlyTheEyeFacingTheViewerIsVisible() {
    SyntheticDataset ds =
        new SyntheticDataset(small().optImageSize(96).optNoise(0).build(), Split.TRAIN);
    for (int i = 0; i < 20; i++) {
      Sample s = ds.get(i);
      java.util.List<org.fga.core.data.Keypoint> k = s.keypoints();
      assertThat(k.stream().map(org.fga.core.data.Keypoint::name).toList())
          .isEqualTo(SyntheticGenerator.PART_NAMES);
      assertThat(k.get(1).visible() ^ k.get(2).visible()).as("exactly one eye seen").isTrue();
      for (org.fga.core.data.Keypoint p : k) {
        if (p.visible()) {
          int x = (int) Math.round(p.x());
          int y = (int) Math.round(p.y());
          assertThat(s.objectMask().get(y, x)).as("%s of image %d", p.name(), i).isEqualTo(1);
        }
      }
      org.fga.core.data.Keypoint eye = k.get(1).visible() ? k.get(1) : k.get(2);
      int ex = (int) Math.round(eye.x());
      int ey = (int) Math.round(eye.y());
      assertThat(s.image().get(0, ey, ex)).as("the eye is the dark dot").isLessThan(0.1f);
      // facing right (beak right of the tail) shows the right eye
      assertThat(k.get(2).visible()).isEqualTo(k.get(0).x() > k.get(3).x());
    }
  }

  @Test
  void differentIndexSplitOrSeedGiveDifferentImages() {
    SyntheticDataset train = new SyntheticDataset(small().build(), Split.TRAIN);
    SyntheticDataset test = new SyntheticDataset(small().build(), Split.TEST);
    SyntheticDataset other = new SyntheticDataset(small().optSeed(1).build(), Split.TRAIN);
    assertThat(train.get(0).image().data()).isNotEqualTo(train.get(1).image().data());
    assertThat(train.get(0).image().data()).isNotEqualTo(test.get(0).image().data());
    assertThat(train.get(0).image().data()).isNotEqualTo(other.get(0).image().data());
  }

  @Test
  void pixelsAreInUnitRangeAndShapesMatchConfig() {
    SyntheticDataset ds = new SyntheticDataset(small().optImageSize(48).build(), Split.VAL);
    Sample s = ds.get(5);
    assertThat(s.image().channels()).isEqualTo(3);
    assertThat(s.image().height()).isEqualTo(48);
    assertThat(s.image().width()).isEqualTo(48);
    for (float v : s.image().data()) {
      assertThat(v).isBetween(0f, 1f);
    }
    assertThat(ds.size()).isEqualTo(50);
    assertThat(ds.info().numClasses()).isEqualTo(8);
    assertThat(ds.info().classNames()).hasSize(8).doesNotHaveDuplicates();
  }

  @Test
  void boxIsTheBoundingBoxOfTheObjectMaskAndThePartLiesInsideTheObject() {
    SyntheticDataset ds = new SyntheticDataset(small().build(), Split.TRAIN);
    for (int i = 0; i < 50; i++) {
      Sample s = ds.get(i);
      assertThat(s.boxes()).hasSize(1);
      assertThat(s.boxes().get(0)).isEqualTo(boundsOf(s.objectMask()));
      int part = 0;
      int object = 0;
      for (int p = 0; p < s.partMask().data().length; p++) {
        part += s.partMask().data()[p];
        object += s.objectMask().data()[p];
        if (s.partMask().data()[p] == 1) {
          assertThat(s.objectMask().data()[p]).isEqualTo((byte) 1);
        }
      }
      assertThat(part).as("part pixels of image %d", i).isGreaterThan(20);
      // the part is small: a local cue, not the whole object
      assertThat(part).isLessThan(object / 4);
    }
  }

  @Test
  void everyClassAppearsAndLabelsAreInRange() {
    SyntheticDataset ds = new SyntheticDataset(small().optNumClasses(5).build(), Split.TRAIN);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < ds.size(); i++) {
      seen.add(ds.get(i).label());
    }
    assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
  }

  @Test
  void twoHundredClassesHaveDistinctNamesAndPartsInsideTheBody() {
    SyntheticConfig cfg = small().optNumClasses(200).build();
    SyntheticDataset ds = new SyntheticDataset(cfg, Split.TRAIN);
    assertThat(ds.info().classNames()).hasSize(200).doesNotHaveDuplicates().contains("red_disc_rump");
    for (int i = 0; i < 40; i++) {
      Sample s = ds.get(i);
      int part = 0;
      for (int p = 0; p < s.partMask().data().length; p++) {
        part += s.partMask().data()[p];
      }
      assertThat(part).as("part pixels of image %d (class %d)", i, s.label()).isGreaterThan(15);
    }
  }

  @Test
  void biasTiesTheTrainingBackgroundToTheClassButNotTheTestBackground() {
    SyntheticConfig cfg = small().optTrainSize(2000).optTestSize(2000).optBias(0.8).build();
    double chance = 1.0 / Backdrop.COUNT;
    // match rate = bias + (1 - bias) * chance, because the unbiased draw may hit the class's own
    assertThat(matchRate(new SyntheticDataset(cfg, Split.TRAIN)))
        .isCloseTo(0.8 + 0.2 * chance, within(0.03));
    assertThat(matchRate(new SyntheticDataset(cfg, Split.TEST))).isCloseTo(chance, within(0.03));
    assertThat(matchRate(new SyntheticDataset(cfg, Split.VAL))).isCloseTo(chance, within(0.06));
    SyntheticConfig unbiased = cfg.toBuilder().optBias(0).build();
    assertThat(matchRate(new SyntheticDataset(unbiased, Split.TRAIN)))
        .isCloseTo(chance, within(0.03));
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static double matchRate(SyntheticDataset ds) {
    int match = 0;
    for (int i = 0; i < ds.size(); i++) {
      SyntheticScene s = ds.scene(i);
      match += s.backdrop() == SyntheticGenerator.backdropOfClass(s.classes()[0]) ? 1 : 0;
    }
    return (double) match / ds.size();
  }

  @Test
  void multilabelScenesHaveOneBoxPerDistinctVisibleObject() {
    SyntheticConfig cfg = small().optTask("multilabel").build();
    SyntheticDataset ds = new SyntheticDataset(cfg, Split.TRAIN);
    assertThat(ds.info().task()).isEqualTo(Task.MULTILABEL);
    int multi = 0;
    for (int i = 0; i < 60; i++) {
      Sample s = ds.get(i);
      SyntheticScene scene = ds.scene(i);
      assertThat(s.label()).isEqualTo(-1);
      assertThat(s.labels())
          .isSorted()
          .doesNotHaveDuplicates()
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(3);
      assertThat(s.boxes()).hasSize(s.labels().length);
      for (int o = 0; o < scene.classes().length; o++) {
        assertThat(scene.boxes().get(o)).isEqualTo(boundsOf(instance(scene.instances(), o + 1)));
      }
      multi += s.labels().length > 1 ? 1 : 0;
    }
    assertThat(multi).isGreaterThan(20);
  }

  @Test
  void reidKeepsTheCreatureOfAnIdentityAcrossCamerasAndSeparatesTrainFromTestIdentities() {
    SyntheticConfig cfg =
        small().optTask("reid").optIdentities(10).optTestIdentities(6).optCameras(3).build();
    SyntheticDataset train = new SyntheticDataset(cfg, Split.TRAIN);
    SyntheticDataset query = new SyntheticDataset(cfg, Split.QUERY);
    SyntheticDataset gallery = new SyntheticDataset(cfg, Split.GALLERY);
    assertThat(query.size()).isEqualTo(18);
    assertThat(train.info().numClasses()).isEqualTo(10);
    Set<Integer> trainIds = new HashSet<>();
    for (int i = 0; i < train.size(); i++) {
      Sample s = train.get(i);
      trainIds.add(s.identity());
      assertThat(s.label()).isEqualTo(s.identity() - 1);
      assertThat(s.camera()).isBetween(1, 3);
    }
    assertThat(trainIds).hasSize(10);
    Set<Integer> cams = new HashSet<>();
    for (int i = 0; i < gallery.size(); i++) {
      Sample s = gallery.get(i);
      assertThat(s.identity()).isBetween(11, 16);
      cams.add(s.camera());
    }
    assertThat(cams).hasSize(3);
    // query i: identity 11 + i / cameras seen by camera 1 + i % cameras; same part class across
    // cameras
    assertThat(query.scene(3).identity()).isEqualTo(12);
    assertThat(query.scene(3).camera()).isEqualTo(1);
    assertThat(query.scene(3).classes()).isEqualTo(query.scene(5).classes());
    assertThatThrownBy(() -> new SyntheticDataset(cfg, Split.TEST))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("QUERY");
  }

  private static Mask instance(Mask instances, int id) {
    byte[] out = new byte[instances.data().length];
    for (int p = 0; p < out.length; p++) {
      out[p] = (instances.data()[p] & 0xFF) == id ? (byte) 1 : 0;
    }
    return new Mask(instances.height(), instances.width(), out);
  }

  static Box boundsOf(Mask m) {
    return m.bounds();
  }
}
