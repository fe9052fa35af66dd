package org.fga.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link EmulatedFaultTest} in a child JVM under {@code cpuid_no_cache.c}: prints the
 * guard's verdict, then every aligned shape of a sweep that oneDNN gets wrong (the route keeps
 * them on oneDNN, so there must be none), one per line.
 */
final class EmulatedFaultProbe {
  private EmulatedFaultProbe() {}

  public static void main(String[] args) {
    Verdict v = EngineGuard.ensure();
    System.out.println("status " + v.status());
    System.out.println("onednnWrong " + v.onednnMismatches().size());
    ConvRoute.ENGINE.set(false); // the aligned shapes on oneDNN itself
    for (Mismatch m : new ConvSelfCheck(alignedSweep()).run(new DjlConvKernel())) {
      System.out.println("wrongAligned " + m);
    }
    System.out.println("sweep " + alignedSweep().size());
  }

  /** Shapes the route keeps on oneDNN ({@link ConvRoute#exposed} false), from a grid of counts around the block. */
  static List<ConvCase> alignedSweep() {
    int[] counts = {1, 3, 8, 16, 24, 32, 48, 96};
    List<int[]> channels = new ArrayList<>();
    for (int in : counts) {
      for (int out : counts) {
        if (!ConvRoute.exposed(in, out)) {
          channels.add(new int[] {in, out});
        }
      }
    }
    List<ConvCase> cases = new ArrayList<>();
    for (int[] ch : channels) {
      for (int batch : new int[] {1, 2, 5}) {
        for (int size : new int[] {6, 11}) {
          cases.add(new ConvCase(2, batch, ch[0], ch[1], size, 3, 1, 1, 1));
          cases.add(new ConvCase(2, batch, ch[0], ch[1], size, 3, 2, 1, 1));
          cases.add(new ConvCase(2, batch, ch[0], ch[1], size, 1, 1, 0, 1));
          cases.add(new ConvCase(1, batch, ch[0], ch[1], size * 3, 3, 1, 1, 1));
        }
      }
    }
    return cases;
  }
}
