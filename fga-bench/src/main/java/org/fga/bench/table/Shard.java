package org.fga.bench.table;

import java.util.Map;
import org.fga.core.error.FgaUserException;

/**
 * Which 1/N of a sweep's jobs this process runs: job k belongs to shard k mod N, so shards are
 * disjoint, together cover every job, and never write the same run directory.
 */
public record Shard(int index, int count) {
  public static final Shard ALL = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new FgaUserException("--shard must be I/N with 0 <= I < N, got " + index + "/" + count);
    }
  }

  /** Parses {@code I/N}; without it, Slurm's array variables, else the whole sweep. */
  public static Shard parse(String text, Map<String, String> env) {
    if (text == null) {
      String id = env.get("SLURM_ARRAY_TASK_ID");
      String n = env.get("SLURM_ARRAY_TASK_COUNT");
      if (id == null || n == null) {
        return ALL;
      }
      text = id + "/" + n;
    }
    String[] parts = text.split("/");
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new FgaUserException("--shard must be I/N, e.g. 0/4, got '" + text + "'");
    }
  }

  public boolean owns(int job) {
    return job % count == index;
  }

  public boolean isAll() {
    return count == 1;
  }
}
