package org.fga.bench.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fga.bench.Cli;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table files: parsing, running, sharding over processes, statistics, missing data. */
class TableCommandTest {
  static final Plugins PLUGINS = Plugins.load();

  static Stream<Named<Path>> committedTables() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("..", "configs"))) {
      return s.filter(p -> p.getParent().getFileName().toString().equals("tables"))
          .sorted().map(p -> Named.of(p.toString(), p)).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("committedTables")
  void everyCommittedTableResolvesEachCellsSpec(Path file) throws Exception {
    TableSpec t = PLUGINS.yaml().readValue(file.toFile(), TableSpec.class);
    List<TableRunner.Job> jobs = new TableRunner(PLUGINS, System.err, true).jobs(file, t, Path.of("unused"), List.of());
    assertThat(jobs).isNotEmpty();
    long cells = t.rows().stream().flatMap(r -> r.cells().values().stream()).filter(c -> !c.isReferenceResults()).count();
    assertThat(jobs).hasSize((int) (cells * t.seeds().size()));
    // a reference row's committed results were made by the committed harness (none is stale)
    for (TableSpec.Row r : t.rows()) {
      for (TableSpec.Cell c : r.cells().values()) {
        if (c.isReferenceResults()) {
          Path results = file.toAbsolutePath().getParent().resolve(c.results()).normalize();
          double[] v = ReferenceResults.read(results, c.match(), Path.of("..")).values(t.seeds(), t.columns().get(0).metric());
          for (int k = 0; k < v.length; k++) {
            assertThat(Double.isNaN(v[k])).as("%s: %s has seed %d", file, r.label(), t.seeds().get(k)).isFalse();
          }
        }
      }
    }
  }

  static final String SPEC = """
      name: toy
      method: {type: baseline}
      backbone: {arch: resnet18, width: 8}
      data: {type: noise, imageSize: 16, size: 24, numClasses: 3}
      schedule: {epochs: 1, batchSize: 8, lr: 0.02}
      eval: {metrics: [accuracy]}
      """;

  static final String TABLE = """
      title: toy
      seeds: [0, 1]
      reference: plain
      columns: [{name: noise, metric: accuracy.top1}, {name: top5, metric: accuracy.top1, scale: 1}]
      rows:
        - label: plain
          cells: {noise: {spec: toy.yaml, paper: 50}, top5: {spec: toy.yaml}}
        - label: smoothed
          overrides: ["method.labelSmoothing=0.1"]
          cells: {noise: {spec: toy.yaml, note: "no paper"}}
      """;

  private static Map<String, String> runs(Path out) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(out)) {
      for (Path d : s.filter(Files::isDirectory).toList()) {
        m.put(d.getFileName().toString(), Files.readString(d.resolve("metrics.json")));
      }
    }
    return m;
  }

  @Test
  void threeShardsInParallelProcessesMakeExactlyTheRunsOfOneCall(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("toy.yaml"), SPEC);
    Path table = dir.resolve("toy-table.yaml");
    Files.writeString(table, TABLE);
    Cli one = Cli.run("table", table.toString(), "--out", dir.resolve("one").toString(), "-q");
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(one.out()).contains("| plain |").contains("| smoothed |").doesNotContain("not run");
    assertThat(dir.resolve("one/table.html")).exists();
    assertThat(Files.readString(dir.resolve("one/table.csv"))).contains("smoothed,noise,accuracy.top1");

    List<Process> shards = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      shards.add(new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"), "org.fga.bench.cli.FgaMain",
              "table", table.toString(), "--out", dir.resolve("sharded").toString(), "--shard", i + "/3", "-q")
          .redirectErrorStream(true).redirectOutput(dir.resolve("shard" + i + ".log").toFile()).start());
    }
    for (int i = 0; i < 3; i++) {
      assertThat(shards.get(i).waitFor()).as(Files.readString(dir.resolve("shard" + i + ".log"))).isZero();
    }
    Map<String, String> sharded = runs(dir.resolve("sharded"));
    Map<String, String> unsharded = runs(dir.resolve("one"));
    assertThat(sharded.keySet()).isEqualTo(unsharded.keySet()).hasSize(6);
    // one folder per row, column and seed, named as grids and train --seed name them
    assertThat(unsharded.keySet()).allMatch(n -> n.matches("(plain|smoothed)__(noise|top5)-s[01]"), "row__column-s<seed>");
    // the collecting call runs nothing more and renders the same table
    Cli collect = Cli.run("table", table.toString(), "--out", dir.resolve("sharded").toString(), "-q");
    assertThat(collect.exit()).as(collect.err()).isZero();
    assertThat(collect.err()).doesNotContain("table: [");
    assertThat(runs(dir.resolve("sharded"))).isEqualTo(sharded);
    // a cell whose spec changed since its run finished is refused, not reused under the new spec
    Files.writeString(dir.resolve("toy.yaml"), SPEC.replace("lr: 0.02", "lr: 0.03"));
    Cli changed = Cli.run("table", table.toString(), "--out", dir.resolve("one").toString(), "-q");
    assertThat(changed.exit()).isEqualTo(2);
    assertThat(changed.err()).contains("holds a run of another experiment (schedule.lr: 0.02 -> 0.03)");
    assertThat(runs(dir.resolve("one"))).isEqualTo(unsharded);
  }

  @Test
  void aSubsetRunsOnlyTheSelectedCellsAndEveryOutputSaysWhatWasChanged(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("toy.yaml"), SPEC);
    Path table = dir.resolve("toy-table.yaml");
    Files.writeString(table, TABLE);
    Path out = dir.resolve("out");
    Cli part = Cli.run("table", table.toString(), "--out", out.toString(), "-q",
        "--seeds", "1", "--columns", "noise", "--rows", "smoothed", "-o", "schedule.epochs=1");
    assertThat(part.exit()).as(part.err()).isZero();
    assertThat(runs(out)).containsOnlyKeys("smoothed__noise-s1"); // the one selected cell and seed
    // a part never takes the whole table's file names, and says what it is and what was changed
    assertThat(out.resolve("table.md")).doesNotExist();
    String subset = "subset of the table: seeds [1]; columns noise; rows smoothed (no p-values: the reference row 'plain' is not selected)";
    String modified = "modified: -o schedule.epochs=1";
    assertThat(Files.readString(out.resolve("table-subset.md"))).contains(subset).contains(modified);
    assertThat(Files.readString(out.resolve("table-subset.html"))).contains(subset).contains(modified)
        .contains("<a class=run href=\"smoothed__noise-s1/report.html\">s1</a>");
    assertThat(out.resolve("smoothed__noise-s1/report.html")).exists();
    String csv = Files.readString(out.resolve("table-subset.csv"));
    assertThat(csv.lines().skip(1)).isNotEmpty()
        .allMatch(l -> l.endsWith("," + modified + " (every cell; not the committed experiments); " + subset));
    assertThat(csv).doesNotContainPattern("\\d\\.\\d{7,}"); // no 28.749999999999996
    // the run itself records the override and the file it came from
    String metrics = Files.readString(out.resolve("smoothed__noise-s1/metrics.json"));
    assertThat(metrics).contains("\"method.labelSmoothing=0.1\"", "\"schedule.epochs=1\"", "toy.yaml");
    // a name the table does not have is one line listing those it has
    Cli unknown = Cli.run("table", table.toString(), "--out", out.toString(), "-q", "--rows", "smothed");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--rows: the table has no row 'smothed'; its rows: plain, smoothed");
    // the whole table reuses the subset's run and writes table.*
    Cli whole = Cli.run("table", table.toString(), "--out", out.toString(), "-q");
    assertThat(whole.exit()).as(whole.err()).isZero();
    assertThat(Files.readString(out.resolve("table.md"))).doesNotContain("subset").doesNotContain("modified");
    assertThat(out.resolve("table-subset.md")).exists();
  }

  @Test
  void csvNumbersHaveSixSignificantDigits() {
    assertThat(TableReport.plain(28.749999999999996)).isEqualTo("28.75");
    assertThat(TableReport.plain(0.000123456789)).isEqualTo("0.000123457");
    assertThat(TableReport.plain(90.0)).isEqualTo("90");
    assertThat(TableReport.plain(Double.NaN)).isEmpty();
  }

  @Test
  void twoTablesOfOneFileNameUnderDifferentMethodsKeepBothOutputs(@TempDir Path dir) throws Exception {
    for (String method : List.of("alpha", "beta")) {
      Path tables = Files.createDirectories(dir.resolve("configs").resolve(method).resolve("tables"));
      Files.writeString(tables.resolve("toy.yaml"), SPEC);
      Files.writeString(tables.resolve("synthetic.yaml"), """
          title: %s table
          seeds: [0]
          columns: [{name: noise, metric: accuracy.top1}]
          rows: [{label: plain, cells: {noise: {spec: toy.yaml}}}]
          """.formatted(method));
    }
    for (String method : List.of("alpha", "beta")) { // from the folder runs/ is in, as ./fga is run
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"), "org.fga.bench.cli.FgaMain",
              "table", "configs/" + method + "/tables/synthetic.yaml", "-q")
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(method + ".log").toFile()).start();
      assertThat(p.waitFor()).as(Files.readString(dir.resolve(method + ".log"))).isZero();
    }
    assertThat(Files.readString(dir.resolve("runs/tables/alpha/synthetic/table.md"))).contains("## alpha table");
    assertThat(Files.readString(dir.resolve("runs/tables/beta/synthetic/table.md"))).contains("## beta table");
    // a folder is one table's: another table file sent there is refused before anything runs
    Path alphaOut = dir.resolve("runs/tables/alpha/synthetic");
    String before = Files.readString(alphaOut.resolve("table.md"));
    Cli clash = Cli.run("table", dir.resolve("configs/beta/tables/synthetic.yaml").toString(), "--out", alphaOut.toString(), "-q");
    assertThat(clash.exit()).isEqualTo(2);
    assertThat(clash.err()).contains(alphaOut + " holds the table of ").contains("give this table another --out DIR");
    assertThat(Files.readString(alphaOut.resolve("table.md"))).isEqualTo(before);
    assertThat(TableFolder.defaultFor(Path.of("configs/cal/tables/synthetic.yaml")))
        .isEqualTo(Path.of("runs/tables/cal/synthetic"));
  }

  @Test
  void aTableWhoseDataIsMissingListsEachDatasetAndExits2(@TempDir Path dir) throws Exception {
    Path table = dir.resolve("fgvc.yaml");
    Files.copy(Path.of("..", "configs", "cal", "tables", "fgvc.yaml"), table);
    Files.createDirectories(dir.resolve("cal"));
    // the table's specs are found relative to it
    for (String f : List.of("cal_resnet101_cub.yaml", "cal_resnet101_cars.yaml", "cal_resnet101_aircraft.yaml")) {
      Files.copy(Path.of("..", "configs", "cal", f), dir.resolve(f));
    }
    Files.writeString(table, Files.readString(table).replace("../", ""));
    Cli cli = Cli.run("table", table.toString(), "--out", dir.resolve("out").toString(), "-o", "backbone.weights=null");
    assertThat(cli.exit()).isEqualTo(2);
    assertThat(cli.err()).contains("missing dataset: cub at data/CUB_200_2011")
        .contains("missing dataset: cars at data/stanford_cars")
        .contains("missing dataset: aircraft at data/fgvc-aircraft-2013b")
        .contains("3 dataset(s) not found");
  }

  @Test
  void cellsReportMeanStdConfidenceIntervalAndPairedPValues() {
    TableSpec t = new TableSpec("t", null, List.of(0L, 1L, 2L), "ref",
        List.of(new TableSpec.Column("c", "accuracy.top1", 1.0)),
        List.of(new TableSpec.Row("ref", null, Map.of("c", new TableSpec.Cell("x.yaml", null, null, null))),
            new TableSpec.Row("new", null, Map.of("c", new TableSpec.Cell("x.yaml", null, 1.5, null)))));
    double[][][] v = {{{1, 1, 1.5}}, {{1, 2, 3}}};
    TableReport r = new TableReport(t, v);
    TableReport.Stats s = r.cell(1, 0);
    assertThat(s.n()).isEqualTo(3);
    assertThat(s.mean()).isEqualTo(2.0);
    assertThat(s.std()).isEqualTo(1.0);
    // t(0.975, 2) = 4.302653; half width = 4.302653 / sqrt(3)
    assertThat(s.ciHigh() - 2.0).isCloseTo(2.484138, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(s.delta()).isEqualTo(0.5);
    // paired by seed: differences 0, 1, 1.5 -> t = 0.8333 / (0.7638 / sqrt 3) = 1.8898, df 2
    assertThat(s.test()).isEqualTo("paired t");
    assertThat(s.p()).isCloseTo(0.19944, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(r.cell(0, 0).p()).isNull();
    // a seed missing on one side: Welch's test on what there is
    double[][][] w = {{{1, 1, Double.NaN}}, {{1, 2, 3}}};
    assertThat(new TableReport(t, w).cell(1, 0).test()).isEqualTo("Welch");
  }

  @Test
  void aColumnThatReadsAnotherColumnsRunsTrainsNothingAndShowsItsOwnMetric(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("toy.yaml"), SPEC);
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, """
        title: t
        seeds: [0, 1]
        columns:
          - {name: top-1, metric: accuracy.top1}
          - {name: top-5, metric: accuracy.top5, runsOf: top-1}
        rows:
          - label: plain
            cells: {top-1: {spec: toy.yaml, paper: 50}}
        """);
    TableSpec t = PLUGINS.yaml().readValue(file.toFile(), TableSpec.class);
    TableRunner runner = new TableRunner(PLUGINS, System.err, true);
    List<TableRunner.Job> jobs = runner.jobs(file, t, dir.resolve("out"), List.of());
    assertThat(jobs).hasSize(2).allMatch(j -> j.column() == 0);
    for (TableRunner.Job j : jobs) {
      Files.createDirectories(j.dir());
      Files.writeString(j.dir().resolve("metrics.json"),
          "{\"metrics\": {\"accuracy\": {\"top1\": 0.%d, \"top5\": 0.9%d}}}".formatted(4 + j.seedIndex(), j.seedIndex()));
    }
    double[][][] v = runner.collect(jobs, t);
    assertThat(v[0][0]).containsExactly(40.0, 50.0);
    assertThat(v[0][1]).containsExactly(90.0, 91.0);
    TableReport report = new TableReport(t, v);
    assertThat(report.cell(0, 1).mean()).isCloseTo(90.5, org.assertj.core.data.Offset.offset(1e-9));
    // the paper's number belongs to the source column's metric, not to the reading column
    assertThat(report.cell(0, 0).paper()).isEqualTo(50.0);
    assertThat(report.cell(0, 1).paper()).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PLUGINS.yaml().readValue("""
        title: t
        columns: [{name: a, metric: x}, {name: b, metric: y, runsOf: c}]
        rows: [{label: r, cells: {a: {spec: toy.yaml}}}]
        """, TableSpec.class)).hasMessageContaining("'b' reads the runs of 'c'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PLUGINS.yaml().readValue("""
        title: t
        columns: [{name: a, metric: x}, {name: b, metric: y, runsOf: a}]
        rows: [{label: r, cells: {b: {spec: toy.yaml}}}]
        """, TableSpec.class)).hasMessageContaining("give the cell there");
  }

  @Test
  void shardsComeFromTheFlagOrSlurmsArrayVariables() {
    assertThat(Shard.parse("1/3", Map.of())).isEqualTo(new Shard(1, 3));
    assertThat(Shard.parse(null, Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "4")))
        .isEqualTo(new Shard(2, 4));
    assertThat(Shard.parse(null, Map.of())).isEqualTo(Shard.ALL);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Shard.parse("3/3", Map.of()))
        .hasMessageContaining("0 <= I < N");
  }
}
