package org.fga.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.fga.core.io.NdArray;
import org.fga.core.io.Npy;
import org.fga.core.io.Mappers;

/** The files written by src/test/python/make_fixtures.py. */
public final class Fixtures {
  private Fixtures() {}

  public static Path path(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalStateException("missing fixture " + name + "; run src/test/python/make_fixtures.py");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static NdArray npy(String name) {
    return Npy.read(path(name + ".npy"));
  }

  public static JsonNode json(String name) {
    try {
      return Mappers.json().readTree(path(name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
