package org.fga.bench.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fga.bench.cli.FgaMain;
import org.fga.core.data.Mask;
import org.fga.eval.io.LabelPng;
import org.fga.core.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.fga.core.io.Mappers;

class EvalCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = FgaMain.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private JsonNode json() throws IOException {
    return Mappers.json().readTree(out.toString());
  }

  private String f64(String name, int[] shape, double... v) throws IOException {
    Path p = dir.resolve(name + ".npy");
    Npy.writeFloat64(p, shape, v);
    return p.toString();
  }

  private String i64(String name, long... v) throws IOException {
    Path p = dir.resolve(name + ".npy");
    Npy.writeInt64(p, new int[] {v.length}, v);
    return p.toString();
  }

  @Test
  void accuracyKeysFollowTopk() throws IOException {
    String s = f64("s", new int[] {2, 3}, 0.1, 0.7, 0.2, 0.5, 0.2, 0.3);
    Path labels = dir.resolve("l.csv");
    Files.writeString(labels, "1\n2\n");
    assertThat(run("eval", "accuracy", "--scores", s, "--labels", labels.toString(), "--topk", "1,2")).isEqualTo(0);
    JsonNode j = json();
    assertThat(j.get("top1").asDouble()).isEqualTo(0.5);
    assertThat(j.get("top2").asDouble()).isEqualTo(1.0);
    assertThat(j.has("meanClassAccuracy")).isTrue();
  }

  @Test
  void shapeMismatchIsExitTwoNamingBothShapes() throws IOException {
    String s = f64("s", new int[] {2, 3}, 0, 0, 0, 0, 0, 0);
    String l = i64("l", 0, 1, 2);
    assertThat(run("eval", "accuracy", "--scores", s, "--labels", l)).isEqualTo(2);
    assertThat(err.toString()).contains("(2, 3)").contains("(3,)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void multiLabelMapWithNullForAClassWithoutPositives() throws IOException {
    String s = f64("s", new int[] {2, 2}, 0.9, 0.1, 0.2, 0.8);
    String t = f64("t", new int[] {2, 2}, 1, 0, 0, 0);
    assertThat(run("eval", "multilabel-map", "--scores", s, "--targets", t, "--voc07")).isEqualTo(0);
    JsonNode j = json();
    assertThat(j.get("mAP").asDouble()).isEqualTo(1.0);
    assertThat(j.get("apPerClass").get(1).isNull()).isTrue();
  }

  @Test
  void reidFromDistmatAndFromFeatures() throws IOException {
    String d = f64("d", new int[] {1, 3}, 0.3, 0.1, 0.2);
    String qid = i64("qid", 4);
    String gid = i64("gid", 4, 5, 4);
    String qcam = i64("qcam", 0);
    String gcam = i64("gcam", 1, 1, 0); // g2 has the query's id and camera: removed
    assertThat(run("eval", "reid", "--distmat", d, "--query-ids", qid, "--gallery-ids", gid,
        "--query-cams", qcam, "--gallery-cams", gcam, "--max-rank", "2")).isEqualTo(0);
    JsonNode j = json();
    assertThat(j.get("mAP").asDouble()).isEqualTo(0.5); // g1 (other) first, g0 (match) second
    assertThat(j.get("cmc").size()).isEqualTo(2);
    assertThat(j.get("cmc").get(0).asDouble()).isEqualTo(0.0);
    assertThat(j.get("mINP").asDouble()).isEqualTo(0.5);
    out.getBuffer().setLength(0);
    String qf = f64("qf", new int[] {1, 2}, 1, 0);
    String gf = f64("gf", new int[] {3, 2}, 1, 0.1, 0, 1, 1, 0);
    assertThat(run("eval", "reid", "--query-features", qf, "--gallery-features", gf, "--metric", "cosine",
        "--query-ids", qid, "--gallery-ids", gid, "--query-cams", qcam, "--gallery-cams", gcam)).isEqualTo(0);
    assertThat(json().get("mAP").asDouble()).isEqualTo(1.0);
    assertThat(run("eval", "reid", "--distmat", d, "--query-ids", gid, "--gallery-ids", gid,
        "--query-cams", gcam, "--gallery-cams", gcam)).isEqualTo(2);
    assertThat(err.toString()).contains("(1, 3)");
  }

  @Test
  void segmentationOverPngDirectories() throws IOException {
    Path gt = Files.createDirectories(dir.resolve("gt"));
    Path pred = Files.createDirectories(dir.resolve("pred"));
    Mask g = Mask.zeros(2, 2);
    g.set(0, 0, 1);
    g.set(1, 1, 255);
    Mask p = Mask.zeros(2, 2);
    p.set(0, 0, 1);
    p.set(0, 1, 1);
    LabelPng.writePalette(gt.resolve("a.png"), g);
    LabelPng.writePalette(pred.resolve("a.png"), p);
    assertThat(run("eval", "segmentation", "--pred", pred.toString(), "--gt", gt.toString(), "--num-classes", "3")).isEqualTo(0);
    JsonNode j = json();
    // class 0: TP 1, FN 1; class 1: TP 1, FP 1; class 2 absent: null
    assertThat(j.get("iouPerClass").get(0).asDouble()).isEqualTo(0.5);
    assertThat(j.get("iouPerClass").get(2).isNull()).isTrue();
    assertThat(j.get("mIoU").asDouble()).isEqualTo(0.5);
    assertThat(j.get("pixelAccuracy").asDouble()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(j.has("meanAccuracy")).isTrue();
  }

  @Test
  void wsolWithTop1AndLargestOnly() throws IOException {
    double[] m = new double[2 * 16];
    m[0] = 1;
    m[1] = 1;
    m[16 + 15] = 1; // second map: bottom-right pixel
    String maps = f64("m", new int[] {2, 4, 4}, m);
    Path boxes = dir.resolve("b.json");
    // the protocol's boxes are one pixel past the contour (clipped): [0,0,2,1] and [3,3,3,3]
    Files.writeString(boxes, "[[0, 0, 2, 1], [[3, 3, 3, 3], [0, 0, 0, 0]]]");
    String s = f64("s", new int[] {2, 2}, 0.9, 0.1, 0.9, 0.1);
    String l = i64("l", 0, 1);
    assertThat(run("eval", "wsol", "--maps", maps, "--boxes", boxes.toString(), "--scores", s, "--labels", l,
        "--step", "0.1", "--largest-only")).isEqualTo(0);
    JsonNode j = json();
    assertThat(j.get("maxBoxAcc").get("30").asDouble()).isEqualTo(1.0);
    assertThat(j.get("maxBoxAcc").get("70").asDouble()).isEqualTo(1.0);
    assertThat(j.get("gtKnownLoc").asDouble()).isEqualTo(1.0);
    assertThat(j.get("top1Loc").asDouble()).isEqualTo(0.5);
    assertThat(j.get("bestThreshold").asDouble()).isEqualTo(0.0); // 8-bit level 0: the background is out
    assertThat(j.get("boxes").asText()).isEqualTo("largest-contour");
    assertThat(j.has("maxBoxAccV2")).isTrue();
    out.getBuffer().setLength(0);
    assertThat(run("eval", "wsol", "--maps", maps, "--boxes", boxes.toString())).isEqualTo(0);
    assertThat(json().has("top1Loc")).isFalse();
    // boxes of the original images, scaled to the 4x4 maps with int(): 5·4/8 = 2.5 → 2, 7·4/8 = 3.5 → 3
    Path original = dir.resolve("o.json");
    Files.writeString(original, "[[0, 0, 5, 3], [[7, 7, 7, 7]]]");
    Path sizes = dir.resolve("sizes.json");
    Files.writeString(sizes, "[[8, 8], [8, 8]]");
    out.getBuffer().setLength(0);
    assertThat(run("eval", "wsol", "--maps", maps, "--boxes", original.toString(), "--image-sizes", sizes.toString()))
        .isEqualTo(0);
    assertThat(json().get("maxBoxAcc").get("70").asDouble()).isEqualTo(1.0);
    Files.writeString(sizes, "[[8, 8]]");
    assertThat(run("eval", "wsol", "--maps", maps, "--boxes", original.toString(), "--image-sizes", sizes.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("one size per image");
    Files.writeString(boxes, "[[0, 0, 1, 0]]");
    assertThat(run("eval", "wsol", "--maps", maps, "--boxes", boxes.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("(2, 4, 4)").contains("(1,)");
  }

  @Test
  void pxapWithIgnore() throws IOException {
    String maps = f64("m", new int[] {1, 1, 4}, 0, 0.5, 1, 0.75);
    String masks = f64("k", new int[] {1, 1, 4}, 0, 1, 1, 0);
    String ignore = f64("i", new int[] {1, 1, 4}, 0, 0, 0, 1);
    assertThat(run("eval", "pxap", "--maps", maps, "--masks", masks, "--step", "0.5")).isEqualTo(0);
    assertThat(json().get("PxAP").asDouble()).isCloseTo(0.5 + 0.5 * 2.0 / 3, within(1e-15));
    out.getBuffer().setLength(0);
    assertThat(run("eval", "pxap", "--maps", maps, "--masks", masks, "--ignore", ignore, "--step", "0.5")).isEqualTo(0);
    assertThat(json().get("PxAP").asDouble()).isEqualTo(1.0);
  }

  @Test
  void retrievalKeysFollowK() throws IOException {
    String f = f64("f", new int[] {4, 2}, 1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9);
    String l = i64("l", 0, 0, 1, 1);
    assertThat(run("eval", "retrieval", "--features", f, "--labels", l, "--k", "1,3")).isEqualTo(0);
    JsonNode j = json();
    assertThat(j.get("top1").asDouble()).isEqualTo(1.0);
    assertThat(j.get("top3").asDouble()).isEqualTo(1.0);
    assertThat(j.get("mAP").asDouble()).isEqualTo(1.0);
    assertThat(run("eval", "retrieval", "--features", f, "--labels", l, "--metric", "manhattan")).isEqualTo(2);
    assertThat(err.toString()).contains("manhattan").contains("cosine");
  }

  @Test
  void benchEvalRunsOnSmallWorkloads() throws IOException {
    assertThat(run("bench", "eval", "--wsol-maps", "6", "--map-size", "32", "--wsol-step", "0.01",
        "--reid-queries", "8", "--reid-gallery", "40", "--seg-pairs", "2")).isEqualTo(0);
    JsonNode j = json();
    for (String k : new String[] {"wsol", "reid", "segmentation"}) {
      assertThat(j.get(k).get("seconds").asDouble()).as(k).isGreaterThan(0);
      assertThat(j.get(k).has("result")).as(k).isTrue();
    }
  }
}
