package io.pinrepo.rpm;

import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.commit.Top;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The record of the repository paths published into, {@code .pinrepo-rpm-paths}, one per line: how
 * verify and GC find RPM repositories without listing the storage. A path is added before its first
 * commit, by a conditional write, and never removed; GC marks from and collects under the recorded
 * paths only, so a repository whose path is missing from it is left alone, not damaged.
 */
final class PathRecord {
  static final ObjectKey KEY = ObjectKey.of(".pinrepo-rpm-paths");

  private PathRecord() {}

  /** The recorded paths, sorted; empty when nothing was published. */
  static SortedSet<RepoPath> read(Storage storage) throws IOException {
    return parse(Top.read(storage, KEY, Settings.MAX_SMALL_FILE));
  }

  /** Adds {@code path} unless it is recorded already: one read when it is. */
  static void ensure(Storage storage, RepoPath path, RetryPolicy policy) throws IOException {
    new OptimisticCommit(policy)
        .run(
            KEY.value(),
            () -> {
              Top top = Top.read(storage, KEY, Settings.MAX_SMALL_FILE);
              SortedSet<RepoPath> paths = parse(top);
              if (paths.add(path)) {
                StringBuilder text = new StringBuilder();
                paths.forEach(p -> text.append(p.value()).append('\n'));
                top.replace(storage, text.toString().getBytes(StandardCharsets.UTF_8));
              }
              return null;
            });
  }

  private static SortedSet<RepoPath> parse(Top top) throws IOException {
    SortedSet<RepoPath> paths = new TreeSet<>();
    String text = new String(top.bytes(), StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        try {
          paths.add(new RepoPath(line.strip()));
        } catch (IllegalArgumentException e) {
          throw new IOException(KEY + ": " + e.getMessage(), e);
        }
      }
    }
    return paths;
  }
}
