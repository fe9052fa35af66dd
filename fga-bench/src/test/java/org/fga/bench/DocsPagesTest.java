package org.fga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fga.bench.cli.FgaMain;
import org.fga.core.bench.BenchProvider;
import org.fga.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README is a front page and the guide lives in {@code docs/}: the README stays short and links
 * every page, every relative link of the documentation resolves, and every {@code ./fga} command a
 * page or the README shows is parsed by the real command tree, so a renamed command or option fails
 * here. The commands that are cheap run at reduced size ({@code list}, {@code doctor}, the Slurm
 * script, the tables' {@code --collect}, a dry run, {@code data synth} and {@code data check});
 * {@code AddAMethodReadmeTest} and {@code ReproduceAPaperRowTest} run the two walk-throughs.
 */
class DocsPagesTest {
  static final Path ROOT = Path.of("..");
  static final Path README = ROOT.resolve("README.md");
  /** The guide's pages, in the README's order. */
  static final List<String> PAGES = List.of("experiment-files.md", "reproducing-papers.md", "gpus-and-slurm.md",
      "evidence-regime.md", "real-images.md", "adding-a-method.md", "run-directory.md", "measurements.md");
  /**
   * Inline spans that show part of a command inside a sentence, not a command to type: parsing
   * them would fail for the sentence's sake. Fenced code blocks have no such exception.
   */
  static final Set<String> PROSE_FRAGMENTS = Set.of("./fga train --resume", "./fga <command> --help");

  private static final Pattern FENCE = Pattern.compile("(?ms)^[ \\t]*```[^\\n]*\\n(.*?)^[ \\t]*```");
  private static final Pattern INLINE = Pattern.compile("`(\\./fga [^`]*)`");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void theReadmeIsAFrontPageThatLinksEveryPage() throws IOException {
    List<String> readme = Files.readAllLines(README);
    assertThat(readme.size()).as("README.md lines").isLessThanOrEqualTo(250);
    String text = String.join("\n", readme);
    for (String page : PAGES) {
      assertThat(ROOT.resolve("docs").resolve(page)).as(page).isRegularFile();
      assertThat(text).as("README links docs/" + page).contains("](docs/" + page + ")");
    }
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      assertThat(docs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")))
          .as("every page in docs/ is one of the guide's").allMatch(PAGES::contains);
    }
    // one hop from the README: the pages the two walk-through tests follow
    assertThat(Files.readString(ROOT.resolve("docs/reproducing-papers.md"))).contains("## Reproducing a paper row");
    assertThat(AddAMethodReadmeTest.PAGE).isEqualTo(ROOT.resolve("docs/adding-a-method.md"));
  }

  @Test
  void everyRelativeLinkOfTheDocumentationResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documentation()) {
      String text = FENCE.matcher(Files.readString(doc)).replaceAll("");
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto:
        }
        int hash = target.indexOf('#');
        Path file = hash == 0 ? doc : doc.getParent().resolve(hash < 0 ? target : target.substring(0, hash));
        if (!Files.exists(file)) {
          broken.add(doc + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
          broken.add(doc + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void everyCommandThePagesShowParses() throws IOException {
    List<String> commands = new ArrayList<>();
    for (Path doc : pagesAndReadme()) {
      String text = Files.readString(doc);
      for (String c : fencedCommands(text)) {
        commands.add(doc.getFileName() + ": " + c);
      }
      Matcher m = INLINE.matcher(FENCE.matcher(text).replaceAll(""));
      while (m.find()) {
        if (!PROSE_FRAGMENTS.contains(m.group(1).trim())) {
          commands.add(doc.getFileName() + ": " + m.group(1));
        }
      }
    }
    assertThat(commands).as("commands found").hasSizeGreaterThan(30);
    Plugins plugins = Plugins.load();
    boolean methodModulesLoaded = plugins.methods().names().size() > 1;
    List<String> failures = new ArrayList<>();
    for (String c : commands) {
      List<String> args = words(c.substring(c.indexOf("./fga ") + "./fga ".length()));
      try {
        CommandLine.ParseResult parsed = FgaMain.commandLine().parseArgs(args.toArray(String[]::new));
        List<String> bench = benchArgs(parsed);
        if (!bench.isEmpty() && plugins.benches().contains(bench.get(0))) {
          BenchProvider provider = plugins.benches().get(bench.get(0));
          new CommandLine(provider.newCommand()).parseArgs(bench.subList(1, bench.size()).toArray(String[]::new));
        } else if (!bench.isEmpty() && methodModulesLoaded && !bench.get(0).equals("...")) {
          failures.add(c + ": no benchmark named " + bench.get(0));
        }
      } catch (CommandLine.ParameterException e) {
        failures.add(c + ": " + e.getMessage().split("\n")[0]);
      }
    }
    assertThat(failures).as("commands of the pages that the command line refuses").isEmpty();
  }

  @Test
  void theCheapCommandsOfThePagesRun(@TempDir Path dir) throws IOException {
    Cli list = Cli.run("list");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out() + list.err()).contains("baseline");

    Cli doctor = Cli.run("doctor");
    assertThat(doctor.exit()).as(doctor.err()).isZero();
    assertThat(doctor.out()).contains("libtorch").contains("guard");

    // gpus-and-slurm.md: the job array script, on a committed table
    Cli sbatch = Cli.run("table", "../configs/cal/tables/synthetic.yaml", "--sbatch", "--tasks", "16");
    assertThat(sbatch.exit()).as(sbatch.err()).isZero();
    assertThat(sbatch.out()).contains("--array");

    // every table a page shows on synthetic data: read, checked and rendered with nothing run
    int tables = 0;
    for (Path doc : pagesAndReadme()) {
      for (String c : fencedCommands(Files.readString(doc))) {
        List<String> args = words(c.substring(c.indexOf("./fga ") + "./fga ".length()));
        if (args.get(0).equals("table") && (args.get(1).contains("synthetic") || args.get(1).contains("evidence"))) {
          Path out = dir.resolve("table-" + Path.of(args.get(1)).getFileName());
          Cli table = Cli.run("table", "../" + args.get(1), "--collect", "--out", out.toString(), "-q");
          assertThat(table.exit()).as(c + "\n" + table.err()).isZero();
          assertThat(out.resolve("table.md")).as(c).isRegularFile();
          tables++;
        }
      }
    }
    assertThat(tables).as("synthetic and evidence tables the pages show").isGreaterThanOrEqualTo(7);

    // the dry run of a committed synthetic config, at reduced size; writes nothing
    Cli dry = Cli.run("train", "--dry-run", "../configs/cal/synthetic/baseline_synth.yaml", "--out",
        dir.resolve("runs").toString(), "-o", "data.trainSize=32", "-o", "data.testSize=16", "-o", "data.imageSize=32",
        "-o", "name=baseline_synth_small");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("\"featureMaps\"").contains("\"images\" : 32");
    assertThat(dir.resolve("runs")).doesNotExist();

    // the README's first step on data written in CUB's layout (not CUB's counts: reported, not refused)
    Path cub = dir.resolve("CUB_200_2011");
    Cli synth = Cli.run("data", "synth", "--layout", "cub", "--out", cub.toString(), "--num-classes", "3",
        "--train-size", "6", "--val-size", "0", "--test-size", "3", "--image-size", "32", "--size-jitter", "0.3");
    assertThat(synth.exit()).as(synth.err()).isZero();
    Cli check = Cli.run("data", "check", "--dataset", "cub", "--root", cub.toString());
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(check.out()).contains("\"countsMatchOfficial\" : false").contains("\"official\" : 5994");
  }

  /** The {@code ./fga} commands of a page's fenced code blocks, continuation lines joined. */
  static List<String> fencedCommands(String text) {
    List<String> commands = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      for (String line : m.group(1).replaceAll("\\\\\\n\\s*", " ").split("\n")) {
        int at = line.indexOf("./fga ");
        if (at >= 0) {
          commands.add(line.substring(at).trim());
        }
      }
    }
    return commands;
  }

  /** Shell words up to a comment, redirection, pipe or command separator; quotes removed. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(ch)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (word == null && (ch == '#' || ch == '>' || ch == '|' || ch == '&') || ch == ';') {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(ch);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** The arguments after {@code bench} when a plugin's benchmark takes them, else empty. */
  private static List<String> benchArgs(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult sub = parsed.subcommand(); sub != null; sub = sub.subcommand()) {
      if (sub.commandSpec().name().equals("bench") && sub.subcommand() == null && sub.hasMatchedPositional(0)) {
        return sub.matchedPositional(0).getValue();
      }
    }
    return List.of();
  }

  private static List<Path> pagesAndReadme() {
    List<Path> docs = new ArrayList<>();
    docs.add(README);
    PAGES.forEach(p -> docs.add(ROOT.resolve("docs").resolve(p)));
    return docs;
  }

  /** The README, the pages, ARCHITECTURE.md and every module's README. */
  private static List<Path> documentation() throws IOException {
    List<Path> docs = new ArrayList<>(pagesAndReadme());
    docs.add(ROOT.resolve("ARCHITECTURE.md"));
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** GitHub's anchors of a Markdown file's headings. */
  static Set<String> anchors(Path file) throws IOException {
    Set<String> anchors = new LinkedHashSet<>();
    for (String line : FENCE.matcher(Files.readString(file)).replaceAll("").split("\n")) {
      if (line.startsWith("#")) {
        String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
