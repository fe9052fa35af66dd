package org.fga.bench.layering;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fga classes a compiled class refers to, read from its constant pool. Every class a class
 * file uses — imported, in a signature, a field or a descriptor, a cast, a lambda's target — is
 * named there as an internal name ({@code org/fga/core/data/Sample}), either as a class entry or
 * inside a descriptor ({@code Lorg/fga/core/data/Sample;}); so scanning the pool's UTF-8 strings
 * for such names finds what {@code jdeps} would, without a library and without source parsing
 * (which misses fully qualified names and same-package uses). Dotted names in string literals
 * (log text, {@code Class.forName} arguments) are not references and are not matched.
 */
final class ClassRefs {
  private static final Pattern FGA_CLASS = Pattern.compile("org/fga/[A-Za-z0-9_/$]+");

  private ClassRefs() {}

  /** The binary names ({@code org.fga.core.data.Sample}) of every fga class {@code file} names. */
  static Set<String> of(Path file) throws IOException {
    Set<String> refs = new TreeSet<>();
    try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException(file + " is not a class file");
      }
      in.readUnsignedShort(); // minor version
      in.readUnsignedShort(); // major version
      int count = in.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> collect(in.readUTF(), refs); // Utf8: class names and descriptors live here
          case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
          case 15 -> in.skipBytes(3); // MethodHandle
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> { // Long and Double take two pool slots
            in.skipBytes(8);
            i++;
          }
          default -> throw new IOException(file + ": unknown constant pool tag " + tag);
        }
      }
    }
    return refs;
  }

  private static void collect(String utf8, Set<String> refs) {
    Matcher m = FGA_CLASS.matcher(utf8);
    while (m.find()) {
      String name = m.group();
      // a package-info or a bare package path ("org/fga/core/") names no class
      if (!name.endsWith("/")) {
        refs.add(name.replace('/', '.'));
      }
    }
  }

  /** The package of a binary class name. */
  static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }
}
