package org.fga.bench.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fga.bench.cli.FgaMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var cli = FgaMain.commandLine();
      cli.setErr(new java.io.PrintWriter(System.err, true));
      int code = cli.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void synthWritesALayoutThatCheckAccepts() throws Exception {
    Path root = dir.resolve("market");
    Run synth =
        run(
            "data",
            "synth",
            "--out",
            root.toString(),
            "--layout",
            "market",
            "--train-size",
            "12",
            "--test-size",
            "8",
            "--identities",
            "4",
            "--test-identities",
            "4",
            "--cameras",
            "2",
            "--body-colours",
            "2",
            "--image-size",
            "32");
    assertThat(synth.code()).isZero();
    assertThat(synth.out()).contains("\"layout\" : \"market\"").contains("\"query\" : 8");
    Run check = run("data", "check", "--dataset", "market1501", "--root", root.toString());
    assertThat(check.code()).isZero();
    assertThat(check.out())
        .contains("\"filesOk\" : true")
        .contains("\"countsMatchOfficial\" : false");

    Path victim;
    try (Stream<Path> s = Files.list(root.resolve("query"))) {
      victim = s.sorted().findFirst().orElseThrow();
    }
    Files.writeString(victim, "garbage");
    Run bad = run("data", "check", "--dataset", "market1501", "--root", root.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains(victim.toString());
  }

  @Test
  void checkCountsCubPartLocations() {
    Path root = dir.resolve("cub");
    Run synth =
        run(
            "data", "synth", "--out", root.toString(), "--layout", "cub", "--train-size", "6",
            "--test-size", "4", "--image-size", "32");
    assertThat(synth.code()).isZero();
    Run check = run("data", "check", "--dataset", "cub", "--root", root.toString());
    assertThat(check.code()).as(check.err()).isZero();
    // 5 parts per image (beak, two eyes, tail, wing patch), one eye always hidden
    assertThat(check.out()).contains("\"keypoints\" : 30").contains("\"keypoints\" : 20");
    assertThat(check.err()).contains("parts (visible)").containsPattern("train +6 +5994 +30 \\(");
  }

  @Test
  void checkTakesOtherKeysOfTheDataBlock() {
    Path root = dir.resolve("voc");
    assertThat(
            run(
                    "data",
                    "synth",
                    "--out",
                    root.toString(),
                    "--layout",
                    "voc",
                    "--train-size",
                    "6",
                    "--test-size",
                    "4",
                    "--image-size",
                    "32")
                .code())
        .isZero();
    String classes =
        "[red_disc, red_square, red_triangle, red_bar, blue_disc, blue_square, blue_triangle,"
            + " blue_bar]";
    Run seg =
        run(
            "data",
            "check",
            "--dataset",
            "voc",
            "--root",
            root.toString(),
            "-o",
            "task=segmentation",
            "-o",
            "classes=" + classes);
    assertThat(seg.code()).as(seg.err()).isZero();
    assertThat(seg.out()).contains("\"official\" : 1464");
    Run bad =
        run("data", "check", "--dataset", "voc", "--root", root.toString(), "-o", "task=detection");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .contains("data.task must be multilabel or segmentation for voc, got 'detection'");
  }

  @Test
  void badInputExitsWithTwoAndOneLine() {
    Run layout = run("data", "synth", "--out", dir.toString(), "--layout", "coco");
    assertThat(layout.code()).isEqualTo(2);
    assertThat(layout.err()).contains("unknown layout 'coco'; known: cub, voc");
    Run bias = run("data", "synth", "--out", dir.toString(), "--layout", "cub", "--bias", "2");
    assertThat(bias.code()).isEqualTo(2);
    assertThat(bias.err()).contains("option bias must be in [0, 1], got 2.0");
    Run missing =
        run("data", "check", "--dataset", "cub", "--root", dir.resolve("nothing").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a folder");
  }
}
