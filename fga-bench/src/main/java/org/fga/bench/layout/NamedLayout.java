package org.fga.bench.layout;

/** A layout's name and task, so that each writer only says how it writes. */
abstract class NamedLayout implements Layout {
  private final String name;
  private final String task;

  NamedLayout(String name, String task) {
    this.name = name;
    this.task = task;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String task() {
    return task;
  }
}
