package org.fga.bench.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.fga.datasets.synthetic.SyntheticScene;

/**
 * Renders and writes images in parallel, returning per-image annotations in index order so that the
 * annotation files are written sequentially and come out identical on every run.
 */
final class SceneWriter {
  /** JPEG quality of the written images: high enough that the part stays readable. */
  static final float JPEG_QUALITY = 0.92f;

  private SceneWriter() {}

  /** Writes one rendered image and returns what the annotation files need to know about it. */
  @FunctionalInterface
  interface Sink<T> {
    T accept(int index, SyntheticScene scene) throws IOException;
  }

  /** Renders images 0..count-1, hands each to {@code sink}, returns the sink's results in order. */
  static <T> List<T> renderAll(int count, IntFunction<SyntheticScene> render, Sink<T> sink)
      throws IOException {
    Object[] out = new Object[count];
    try {
      IntStream.range(0, count)
          .parallel()
          .forEach(
              i -> {
                try {
                  out[i] = sink.accept(i, render.apply(i));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(out);
    return list;
  }

  /** Writes one item of another generator than the synthetic one and returns its annotation row. */
  @FunctionalInterface
  interface IndexSink<T> {
    T accept(int index) throws IOException;
  }

  /**
   * Hands 0..count-1 to {@code sink} in parallel, returns its results in index order: for data
   * that draws its own images (cluttered Fashion-MNIST).
   */
  static <T> List<T> each(int count, IndexSink<T> sink) throws IOException {
    return renderAll(count, i -> null, (i, ignored) -> sink.accept(i));
  }

  static void writeLines(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
