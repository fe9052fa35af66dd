package org.fga.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fga.core.data.Split;
import org.fga.core.data.Task;
import org.fga.core.error.FgaUserException;
import org.fga.core.evaluate.Evaluator;
import org.fga.core.io.Npy;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.rundir.RunDir;
import org.fga.core.train.Session;

/**
 * Writes what the evaluator's metrics see of a trained model, the features of every test sample
 * ({@code Method.features}, in dataset order), as {@code .npy} files beside their labels, so another
 * evaluator (a reference's own test code, {@code fga eval reid}) can score the same model. A re-ID
 * run writes its query and gallery parts, with the cameras the protocol needs; any other run the
 * split it reports on.
 *
 * <p>Per part {@code P}: {@code P_features.npy} (float32, N x D), {@code P_labels.npy} (int64: the
 * identity for re-ID, else the class, -1 for multi-label samples), {@code P_cams.npy} (int64,
 * re-ID only) and {@code P_images.txt} (the sample ids, one a line). With the model asked for,
 * {@code model.safetensors} holds every parameter under the names {@code init.weights} reads
 * ({@link org.fga.core.io.ModelWeights#saveAll}), so another code base can load the same model.
 */
final class FeatureExport {
  private static final EvalNeeds FEATURES = new EvalNeeds(false, true, false, false);
  static final String MODEL = "model.safetensors";

  private final Session session;
  private final Path out;

  FeatureExport(Session session, Path out) {
    this.session = session;
    this.out = out;
  }

  /** The parts a run of this task writes: query and gallery for re-ID, else {@code split}. */
  static List<Split> parts(Task task, String split) {
    if (task == Task.REID) {
      return List.of(Split.QUERY, Split.GALLERY);
    }
    return List.of(Evaluator.split(split));
  }

  /** The files one part writes, in the order they are written. */
  static List<Path> files(Path out, Split part, boolean cameras) {
    String p = part.name().toLowerCase(Locale.ROOT);
    List<Path> files = new ArrayList<>(List.of(out.resolve(p + "_features.npy"), out.resolve(p + "_labels.npy")));
    if (cameras) {
      files.add(out.resolve(p + "_cams.npy"));
    }
    files.add(out.resolve(p + "_images.txt"));
    return files;
  }

  /**
   * Refuses before any work if a file it would write is there already: an export is never
   * written over (it may be the only copy of a model's test features).
   */
  static void requireFree(Path out, List<Split> parts, boolean cameras, boolean model) {
    List<Path> all = new ArrayList<>();
    parts.forEach(part -> all.addAll(files(out, part, cameras)));
    if (model) {
      all.add(out.resolve(MODEL));
    }
    RunDir.requireAbsent(all);
  }

  /**
   * Collects and writes every part; returns part name → {samples, dim, files}. The caller has
   * checked {@link #requireFree} before loading the model, so a taken folder costs no work.
   */
  Map<String, Object> write(List<Split> parts, int batchSize, boolean model) {
    boolean cameras = session.train().info().task() == Task.REID;
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new FgaUserException("cannot create " + out + ": " + e.getMessage());
    }
    Evaluator evaluator = new Evaluator(session, batchSize);
    Map<String, Object> written = new LinkedHashMap<>();
    for (Split part : parts) {
      EvalOutputs o = evaluator.collect(part, FEATURES, null);
      if (o.embeddings() == null || o.size() == 0) {
        throw new FgaUserException("split '" + part.name().toLowerCase(Locale.ROOT) + "' gave no features to export");
      }
      List<Path> files = files(out, part, cameras);
      int n = o.size();
      int d = o.embeddings()[0].length;
      float[] flat = new float[n * d];
      for (int i = 0; i < n; i++) {
        System.arraycopy(o.embeddings()[i], 0, flat, i * d, d);
      }
      try {
        RunDir.writeAtomically(files.get(0), f -> Npy.writeFloat32(f, new int[] {n, d}, flat));
        RunDir.writeAtomically(files.get(1), f -> Npy.writeInt64(f, new int[] {n}, longs(o.labels())));
        if (cameras) {
          RunDir.writeAtomically(files.get(2), f -> Npy.writeInt64(f, new int[] {n}, longs(o.cameras())));
        }
        RunDir.writeAtomically(files.get(files.size() - 1), (String.join("\n", o.ids()) + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new FgaUserException("cannot write the features of '" + part.name().toLowerCase(Locale.ROOT)
            + "' to " + out + ": " + e.getMessage());
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("samples", n);
      m.put("dim", d);
      m.put("files", files.stream().map(Path::toString).toList());
      written.put(part.name().toLowerCase(Locale.ROOT), m);
    }
    if (model) {
      Path file = out.resolve(MODEL);
      try {
        RunDir.writeAtomically(file, f -> session.plugins().modelWeights().saveAll(session.method().block(), f));
      } catch (IOException e) {
        throw new FgaUserException("cannot write " + file + ": " + e.getMessage());
      }
      written.put("model", file.toString());
    }
    return written;
  }

  /** The {@code fga eval reid} command line that scores a re-ID export. */
  static String reidCommand(Path out) {
    return "fga eval reid --query-features " + out.resolve("query_features.npy")
        + " --gallery-features " + out.resolve("gallery_features.npy")
        + " --query-ids " + out.resolve("query_labels.npy") + " --gallery-ids " + out.resolve("gallery_labels.npy")
        + " --query-cams " + out.resolve("query_cams.npy") + " --gallery-cams " + out.resolve("gallery_cams.npy");
  }

  private static long[] longs(int[] values) {
    long[] l = new long[values.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = values[i];
    }
    return l;
  }

  /**
   * Sets the whole model from {@code file} ({@code init.weights} names); a file that leaves any
   * parameter at the run's own initialisation is refused, since its features would be of no
   * trained model.
   */
  static void loadWhole(Session session, Path file) {
    int all = session.method().block().getParameters().size();
    int set = session.plugins().modelWeights().loadSome(session.method().block(), file);
    if (set != all) {
      throw new FgaUserException("--weights " + file + " sets " + set + " of the model's " + all
          + " parameters; a whole model is needed (fga features --with-model writes one)");
    }
  }

  static ObjectNode summary(ObjectMapper json, Path run, Path source, Path out, Map<String, Object> parts, boolean reid) {
    ObjectNode s = json.createObjectNode();
    s.put("run", run.toString());
    s.put("from", source.toString());
    s.put("out", out.toString());
    s.set("parts", json.valueToTree(parts));
    if (reid) {
      s.put("score", reidCommand(out));
    }
    return s;
  }
}
