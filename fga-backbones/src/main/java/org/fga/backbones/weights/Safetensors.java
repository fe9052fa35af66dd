package org.fga.backbones.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.core.error.FgaUserException;
import org.fga.core.io.Mappers;
import org.fga.core.io.DType;
import org.fga.core.io.NdArray;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header mapping each tensor
 * name to {@code dtype}, {@code shape} and {@code data_offsets} (relative to the end of the header),
 * then the raw little-endian data.
 */
public final class Safetensors {
  private static final ObjectMapper JSON = Mappers.json();
  private static final String METADATA = "__metadata__";
  /** Headers above this are not a real file's (the reference implementation caps at 100 MB). */
  private static final long MAX_HEADER = 100L << 20;

  private Safetensors() {}

  /** Reads every tensor, in header order. The file is memory-mapped, not copied. */
  public static Map<String, NdArray> read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long headerLen = headerLength(file, ch);
      JsonNode root = header(file, ch, headerLen);
      long dataStart = 8 + headerLen;
      long dataLen = size - dataStart;
      ByteBuffer data =
          dataLen == 0
              ? ByteBuffer.allocate(0)
              : ch.map(FileChannel.MapMode.READ_ONLY, dataStart, dataLen);
      Map<String, NdArray> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals(METADATA)) {
          continue;
        }
        out.put(e.getKey(), tensor(file, e.getKey(), e.getValue(), data));
      }
      return out;
    } catch (IOException e) {
      throw new FgaUserException("cannot read safetensors file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The header's {@code __metadata__} (string to string; empty when the file has none): what a
   * writer says of the tensors, such as the seed a harness drew them with.
   */
  public static Map<String, String> metadata(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      JsonNode meta = header(file, ch, headerLength(file, ch)).path(METADATA);
      Map<String, String> out = new LinkedHashMap<>();
      meta.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
      return out;
    } catch (IOException e) {
      throw new FgaUserException("cannot read safetensors file " + file + ": " + e.getMessage(), e);
    }
  }

  private static long headerLength(Path file, FileChannel ch) throws IOException {
    long size = ch.size();
    if (size < 8) {
      throw bad(file, "shorter than the 8-byte header length");
    }
    ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(lenBuf, 0);
    long headerLen = lenBuf.flip().getLong();
    if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > size) {
      throw bad(file, "header length " + headerLen + " does not fit a file of " + size + " bytes");
    }
    return headerLen;
  }

  private static JsonNode header(Path file, FileChannel ch, long headerLen) throws IOException {
    ByteBuffer header = ByteBuffer.allocate((int) headerLen);
    ch.read(header, 8);
    JsonNode root = JSON.readTree(new String(header.array(), StandardCharsets.UTF_8).trim());
    if (root == null || !root.isObject()) {
      throw bad(file, "header is not a JSON object");
    }
    return root;
  }

  private static NdArray tensor(Path file, String name, JsonNode info, ByteBuffer data) {
    JsonNode dtype = info.get("dtype");
    JsonNode shapeNode = info.get("shape");
    JsonNode offsets = info.get("data_offsets");
    if (dtype == null || shapeNode == null || offsets == null || offsets.size() != 2) {
      throw bad(file, "tensor " + name + " lacks dtype, shape or data_offsets");
    }
    DType t = DType.fromSafetensors(dtype.asText(), file.toString(), name);
    int[] shape = new int[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      long d = shapeNode.get(i).asLong();
      if (d < 0 || d > Integer.MAX_VALUE) {
        throw bad(file, "tensor " + name + " has axis length " + d);
      }
      shape[i] = (int) d;
    }
    long begin = offsets.get(0).asLong();
    long end = offsets.get(1).asLong();
    long expected = numel(shape) * t.bytes();
    if (begin < 0 || end < begin || end > data.capacity() || end - begin != expected) {
      throw bad(
          file,
          String.format(
              "tensor %s: data_offsets [%d, %d] do not hold %s %s in %d data bytes",
              name, begin, end, t, java.util.Arrays.toString(shape), data.capacity()));
    }
    ByteBuffer slice = data.duplicate();
    slice.position((int) begin).limit((int) end);
    return NdArray.of(file + "!" + name, t, shape, slice.slice());
  }

  /** Writes the tensors in iteration order, atomically (a temp file, then a rename). */
  public static void write(Path file, Map<String, NdArray> tensors) throws IOException {
    write(file, tensors, Map.of());
  }

  /** {@link #write(Path, Map)} with these entries in the header's {@code __metadata__} beside {@code format}. */
  public static void write(Path file, Map<String, NdArray> tensors, Map<String, String> metadata) throws IOException {
    ObjectNode header = JSON.createObjectNode();
    ObjectNode meta = header.putObject(METADATA).put("format", "pt");
    metadata.forEach(meta::put);
    long offset = 0;
    for (Map.Entry<String, NdArray> e : tensors.entrySet()) {
      NdArray t = e.getValue();
      ObjectNode info = header.putObject(e.getKey());
      info.put("dtype", t.dtype().safetensorsName());
      var shape = info.putArray("shape");
      for (int d : t.shape()) {
        shape.add(d);
      }
      long len = t.byteSize();
      info.putArray("data_offsets").add(offset).add(offset + len);
      offset += len;
    }
    byte[] json = JSON.writeValueAsBytes(header);
    // Pad the header with spaces so the data starts 8-byte aligned, as the reference writer does.
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    prefix.putLong(padded).put(json);
    while (prefix.hasRemaining()) {
      prefix.put((byte) ' ');
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = org.fga.core.io.TempFiles.beside(file);
    try {
      try (OutputStream out = Files.newOutputStream(tmp);
          var ch = java.nio.channels.Channels.newChannel(out)) {
        prefix.flip();
        while (prefix.hasRemaining()) {
          ch.write(prefix);
        }
        for (NdArray t : tensors.values()) {
          t.writeData(ch);
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static FgaUserException bad(Path file, String why) {
    return new FgaUserException("not a valid safetensors file " + file + ": " + why);
  }

  private static long numel(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
