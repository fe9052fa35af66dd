package org.fga.core.naming;

/** Anything registered under a name: methods, backbones, datasets, metrics. */
public interface Named {
  /** The name used in experiment files and on the command line, e.g. {@code "cal"}. */
  String name();

  /** One line for {@code fga list}. */
  default String description() {
    return "";
  }
}
