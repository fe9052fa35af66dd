package org.fga.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.fga.core.error.FgaUserException;
import org.fga.core.rundir.RunDir;

/**
 * A training checkpoint: every parameter of the block (BatchNorm statistics included) by name,
 * the optimiser's state, the method's extra state and the position in the run. Restoring copies
 * values into the existing arrays, so optimiser groups and gradient flags stay intact.
 *
 * <p>File layout: magic, format version, completed epochs, global step, optimiser steps, then three
 * name → array sections (parameters, optimiser, method state).
 */
public final class Checkpoint {
  private static final String MAGIC = "FGA-CKPT";
  private static final int VERSION = 1;

  /** Where a run stands after a checkpoint: {@code epochs} finished, {@code step} steps taken. */
  public record Position(int epochs, long step, long optimizerSteps) {}

  private Checkpoint() {}

  /** The checkpoint file after {@code epochs} completed epochs. */
  public static Path file(Path dir, int epochs) {
    return dir.resolve(String.format("epoch-%04d.ckpt", epochs));
  }

  /** The newest checkpoint in {@code dir}, or null if there is none. */
  public static Path latest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("epoch-\\d{4}\\.ckpt"))
          .max(Path::compareTo)
          .orElse(null);
    } catch (IOException e) {
      throw new FgaUserException("cannot list checkpoints in " + dir + ": " + e.getMessage());
    }
  }

  /** Writes a checkpoint atomically and keeps only the newest {@code keep} files. */
  public static void save(
      Path dir,
      Position pos,
      PairList<String, Parameter> parameters,
      Map<String, NDArray> optimizerState,
      Map<String, NDArray> methodState,
      int keep)
      throws IOException {
    Files.createDirectories(dir);
    Path target = file(dir, pos.epochs());
    Path tmp = org.fga.core.rundir.RunDir.tempBeside(target);
    try (java.io.FileOutputStream fo = new java.io.FileOutputStream(tmp.toFile());
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fo, 1 << 20))) {
      out.writeUTF(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(pos.epochs());
      out.writeLong(pos.step());
      out.writeLong(pos.optimizerSteps());
      Map<String, NDArray> params = new LinkedHashMap<>();
      for (Pair<String, Parameter> p : parameters) {
        params.put(p.getKey(), p.getValue().getArray());
      }
      writeSection(out, params);
      writeSection(out, optimizerState);
      writeSection(out, methodState);
      out.flush();
      fo.getFD().sync(); // the rename below must never publish a file still in the page cache
    }
    RunDir.moveAtomically(tmp, target);
    prune(dir, keep);
  }

  private static void writeSection(DataOutputStream out, Map<String, NDArray> arrays)
      throws IOException {
    out.writeInt(arrays.size());
    for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
      out.writeUTF(e.getKey());
      byte[] bytes = e.getValue().encode();
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static void prune(Path dir, int keep) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      var all =
          files.filter(p -> p.getFileName().toString().matches("epoch-\\d{4}\\.ckpt")).sorted().toList();
      for (int i = 0; i < all.size() - keep; i++) {
        Files.deleteIfExists(all.get(i));
      }
    }
  }

  /** What a checkpoint file holds; arrays live in the manager given to {@link #read}. */
  public record Contents(
      Position position,
      Map<String, NDArray> parameters,
      Map<String, NDArray> optimizerState,
      Map<String, NDArray> methodState) {}

  public static Contents read(Path file, NDManager manager) {
    try (InputStream fi = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(fi, 1 << 20))) {
      String magic = in.readUTF();
      if (!MAGIC.equals(magic)) {
        throw new FgaUserException(file + " is not an fga checkpoint");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new FgaUserException(file + ": checkpoint format " + version + ", expected " + VERSION);
      }
      Position pos = new Position(in.readInt(), in.readLong(), in.readLong());
      return new Contents(pos, readSection(in, manager), readSection(in, manager), readSection(in, manager));
    } catch (IOException e) {
      throw new FgaUserException("cannot read checkpoint " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, NDArray> readSection(DataInputStream in, NDManager manager)
      throws IOException {
    int n = in.readInt();
    Map<String, NDArray> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String key = in.readUTF();
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      m.put(key, NDArray.decode(manager, bytes));
    }
    return m;
  }

  /**
   * Loads a checkpoint's weights and method state into a freshly built session (its optimiser state
   * is not needed to use the model): what evaluating or probing a finished run starts from.
   */
  public static void loadWeights(Path file, Session session) {
    try (NDManager tmp = session.manager().newSubManager()) {
      Contents c = read(file, tmp);
      Map<String, NDArray> params = new LinkedHashMap<>();
      for (Pair<String, Parameter> p : session.method().block().getParameters()) {
        params.put(p.getKey(), p.getValue().getArray());
      }
      copyInto("parameters", c.parameters(), params);
      copyInto("method state", c.methodState(), session.method().state());
    }
  }

  /** Copies saved values into {@code targets} in place; names and shapes must match exactly. */
  public static void copyInto(String what, Map<String, NDArray> saved, Map<String, NDArray> targets) {
    if (!saved.keySet().equals(targets.keySet())) {
      throw new FgaUserException(
          "checkpoint " + what + " do not match the model: saved " + saved.size() + " entries, model has "
              + targets.size() + " (was the spec changed since the run started?)");
    }
    for (Map.Entry<String, NDArray> e : targets.entrySet()) {
      NDArray src = saved.get(e.getKey());
      if (!src.getShape().equals(e.getValue().getShape())) {
        throw new FgaUserException(
            "checkpoint " + what + " '" + e.getKey() + "' has shape " + src.getShape()
                + ", the model has " + e.getValue().getShape());
      }
      e.getValue().set(src.toByteBuffer());
    }
  }
}
