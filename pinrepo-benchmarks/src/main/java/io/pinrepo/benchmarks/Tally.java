package io.pinrepo.benchmarks;

/**
 * Storage writes and bytes written per operation over a trial, printed by the publish benchmarks at
 * the end of each trial (JMH shows it in the fork's output) as {@code writes per op: W, bytes per
 * op: B}.
 */
final class Tally {
  private long operations;
  private long writes;
  private long bytes;

  /** Adds one iteration's storage (each iteration of a publish benchmark is one operation). */
  void add(CountingStorage storage) {
    operations++;
    writes += storage.writes();
    bytes += storage.bytesWritten();
  }

  /** Prints the means. */
  void print(String what) {
    if (operations > 0) {
      System.out.printf(
          "%n%s: writes per op: %.1f, bytes per op: %,.0f%n",
          what, (double) writes / operations, (double) bytes / operations);
    }
  }
}
