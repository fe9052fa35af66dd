package org.fga.core.engine;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * libtorch's global context ({@code at::globalContext()}) reached through JNA, for the two things
 * DJL 0.36 has no call for: turning oneDNN off for convolutions ({@code
 * setUserEnabledMkldnn(false)} — libtorch then picks its native kernels for every convolution it
 * would have sent to oneDNN, forward and backward) and reading the bundled oneDNN's and ATen's
 * version strings for bug reports. The symbols are libtorch's C++ names as exported by {@code
 * libtorch_cpu.so}; a libtorch without them makes this unavailable, never wrong.
 */
final class LibtorchContext implements ConvPath {
  private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
  private static final String SET_MKLDNN = "_ZN2at7Context20setUserEnabledMkldnnEb";
  private static final String GET_MKLDNN = "_ZNK2at7Context17userEnabledMkldnnEv";
  private static final String MKLDNN_VERSION = "_ZN2at18get_mkldnn_versionB5cxx11Ev";
  private static final String CPU_CAPABILITY = "_ZN2at18get_cpu_capabilityB5cxx11Ev";

  private final NativeLibrary library;
  private final Pointer context;

  private LibtorchContext(NativeLibrary library) {
    this.library = library;
    this.context = library.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
  }

  /** The loaded libtorch's context; empty where libtorch is not loaded from a file we can find. */
  static Optional<LibtorchContext> find() {
    try {
      Optional<Path> lib = loadedLibrary("libtorch_cpu.so");
      if (lib.isEmpty()) {
        unavailable = "libtorch_cpu.so is not mapped in this process";
      }
      return lib.map(p -> new LibtorchContext(NativeLibrary.getInstance(p.toString())));
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      unavailable = e.toString();
      return Optional.empty();
    }
  }

  /** Why {@link #find()} came back empty, for the guard's message. */
  static String unavailable = "not looked up";

  /**
   * The path of a shared library this process has mapped. DJL loads libtorch from its cache folder
   * without adding it to the global symbol namespace, so its symbols are found by opening the same
   * file again (the loader hands back the library already in memory).
   */
  static Optional<Path> loadedLibrary(String fileName) {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(maps, StandardCharsets.UTF_8)) {
        int slash = line.indexOf('/');
        if (slash >= 0 && line.endsWith("/" + fileName)) {
          return Optional.of(Path.of(line.substring(slash)));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  @Override
  public boolean switchable() {
    return true;
  }

  @Override
  public boolean onednn() {
    // C++ bool comes back in the low byte of the return register; the rest is undefined.
    return (library.getFunction(GET_MKLDNN).invokeInt(new Object[] {context}) & 0xff) != 0;
  }

  @Override
  public void setOnednn(boolean on) {
    library.getFunction(SET_MKLDNN).invokeVoid(new Object[] {context, on ? 1 : 0});
  }

  /** The bundled oneDNN's version line, e.g. {@code Intel(R) MKL-DNN v3.7.1 (Git Hash ...)}. */
  Optional<String> onednnVersion() {
    return stdString(MKLDNN_VERSION);
  }

  /** ATen's vector ISA for its own kernels ({@code AVX512}, {@code AVX2}, {@code DEFAULT}). */
  Optional<String> atenCapability() {
    return stdString(CPU_CAPABILITY);
  }

  /**
   * Calls a libtorch function that returns a {@code std::string} by value (the Itanium ABI passes
   * the result's storage as a hidden first argument) and reads it as libstdc++ lays it out:
   * data pointer, then length. A string longer than the in-place buffer keeps its heap block: a
   * few dozen bytes once per process.
   */
  private Optional<String> stdString(String symbol) {
    try {
      Function f = library.getFunction(symbol);
      Memory out = new Memory(64);
      out.clear();
      f.invokeVoid(new Object[] {out});
      Pointer data = out.getPointer(0);
      long length = out.getLong(Native.POINTER_SIZE);
      if (data == null || length < 0 || length > 4096) {
        return Optional.empty();
      }
      return Optional.of(new String(data.getByteArray(0, (int) length), StandardCharsets.UTF_8).trim());
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static final class Native {
    static final int POINTER_SIZE = com.sun.jna.Native.POINTER_SIZE;
  }
}
