package org.fga.engine;

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
  private static final String SET_NNPACK = "_ZN2at7Context20setUserEnabledNNPACKEb";
  private static final String NNPACK_AVAILABLE = "_ZN2at6native17_nnpack_availableEv";
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
  public boolean onednn() {
    // C++ bool comes back in the low byte of the return register; the rest is undefined.
    return (library.getFunction(GET_MKLDNN).invokeInt(new Object[] {context}) & 0xff) != 0;
  }

  @Override
  public void setOnednn(boolean on) {
    library.getFunction(SET_MKLDNN).invokeVoid(new Object[] {context, on ? 1 : 0});
  }

  /**
   * Turns NNPACK off where it cannot initialise. libtorch asks whether NNPACK is available before
   * each convolution it does not send to oneDNN, and on a CPU NNPACK does not support every asking
   * prints "Could not initialize NNPACK! Reason: Unsupported hardware": dozens of lines per run on
   * the native path. With the user switch off it never asks; the one question here prints the
   * warning once. NNPACK could not run on such a CPU anyway, so no kernel changes.
   *
   * @return whether NNPACK is available
   */
  boolean quietUnavailableNnpack() {
    try {
      boolean available = (library.getFunction(NNPACK_AVAILABLE).invokeInt(new Object[0]) & 0xff) != 0;
      if (!available) {
        library.getFunction(SET_NNPACK).invokeVoid(new Object[] {context, 0});
      }
      return available;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return true; // unknown: leave libtorch as it is
    }
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
   * few dozen bytes, once per process ({@link EngineFacts} reads each string once).
   */
  private Optional<String> stdString(String symbol) {
    try {
      Function f = library.getFunction(symbol);
      Memory out = new Memory(64);
      out.clear();
      f.invokeVoid(new Object[] {out});
      Pointer data = out.getPointer(0);
      long length = out.getLong(com.sun.jna.Native.POINTER_SIZE);
      if (data == null || length < 0 || length > 4096) {
        return Optional.empty();
      }
      return Optional.of(new String(data.getByteArray(0, (int) length), StandardCharsets.UTF_8).trim());
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return Optional.empty();
    }
  }

}
