package org.fga.backbones.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.Npy;
import org.fga.core.io.NdArray;

/**
 * Reads a named set of tensors from a weight file, by its form: {@code .safetensors}, {@code .npz}
 * (a zip of {@code <name>.npy}, as {@code numpy.savez(**state_dict)} writes, compressed or not), or
 * a directory of {@code <name>.npy} files (an unpacked {@code .npz}).
 */
public final class WeightFiles {
  private WeightFiles() {}

  /** Every tensor of {@code path}, by name. */
  public static Map<String, NdArray> read(Path path) {
    if (!Files.exists(path)) {
      throw new FgaUserException("weights file not found: " + path);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isDirectory(path)) {
      return readNpyDirectory(path);
    }
    if (name.endsWith(".safetensors")) {
      return Safetensors.read(path);
    }
    if (name.endsWith(".npz")) {
      return readNpz(path);
    }
    if (name.endsWith(".npy")) {
      Npy.read(path); // a pickled dict fails here with a message saying how to save it instead
      throw new FgaUserException(
          path + " holds one unnamed array; weights need names: give an .npz (numpy.savez(path,"
              + " **state_dict)), a .safetensors file or a directory of <name>.npy files");
    }
    throw new FgaUserException(
        "unknown weights format " + path + "; expected .safetensors, .npz or a directory of .npy");
  }

  private static Map<String, NdArray> readNpz(Path path) {
    Map<String, NdArray> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(path.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.isDirectory() || !entry.getName().endsWith(".npy")) {
          continue;
        }
        String tensor = entry.getName().substring(0, entry.getName().length() - 4);
        byte[] bytes;
        try (var in = zip.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        out.put(tensor, Npy.read(bytes, path + "!" + entry.getName()));
      }
    } catch (IOException e) {
      throw new FgaUserException("cannot read .npz file " + path + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Map<String, NdArray> readNpyDirectory(Path dir) {
    Map<String, NdArray> out = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".npy")).sorted().toList();
    } catch (IOException e) {
      throw new FgaUserException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new FgaUserException("weights directory " + dir + " holds no .npy files");
    }
    for (Path f : files) {
      String file = f.getFileName().toString();
      out.put(file.substring(0, file.length() - 4), Npy.read(f));
    }
    return out;
  }
}
