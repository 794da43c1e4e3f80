package io.pinrepo.replication;

import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.commit.Top;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What replication keeps in the target, in the object {@value #KEY}: the source's tops that the
 * last run of each scope copied (so the next run marks the source once), and when each object that
 * nothing reaches was first found so (so deletion waits out its grace period). One line per fact:
 * {@code top <scope> <key>} and {@code unreachable <epoch-seconds> <key>}, keys last since they may
 * hold spaces. Replaced only conditionally on the version read, retried on a lost race; the
 * filesystem storage reserves {@code .pinrepo/}, hence a key of its own.
 *
 * @param tops the tops of each scope ({@code *} for a whole repository)
 * @param unreachable when each unreachable object was first found unreachable
 */
record ReplicaRecord(
    SortedMap<String, SortedSet<ObjectKey>> tops, SortedMap<ObjectKey, Instant> unreachable) {

  /** The record's key. */
  static final String KEY = ".pinrepo-replica";

  static final ObjectKey OBJECT = ObjectKey.of(KEY);
  private static final int MAX_BYTES = 64 << 20;
  private static final String WHOLE = "*";

  ReplicaRecord {
    SortedMap<String, SortedSet<ObjectKey>> copy = new TreeMap<>();
    tops.forEach(
        (scope, keys) -> copy.put(scope, Collections.unmodifiableSortedSet(new TreeSet<>(keys))));
    tops = Collections.unmodifiableSortedMap(copy);
    unreachable = Collections.unmodifiableSortedMap(new TreeMap<>(unreachable));
  }

  /** Reads the record of {@code target}; an empty one when there is none. */
  static ReplicaRecord read(Storage target) throws IOException {
    return parse(Top.read(target, OBJECT, MAX_BYTES));
  }

  /** The label of {@code scope} in the record. */
  static String label(java.util.Optional<Scope> scope) {
    return scope.map(Scope::label).orElse(WHOLE);
  }

  /** The tops recorded for {@code scope}. */
  Set<ObjectKey> tops(String scope) {
    return tops.getOrDefault(scope, new TreeSet<>());
  }

  /**
   * Replaces the tops of {@code scope} and the unreachable objects, conditionally on the version
   * read, re-reading and re-applying on a lost race (another scope's tops recorded meanwhile are
   * kept).
   */
  static void store(
      Storage target,
      RetryPolicy policy,
      String scope,
      Set<ObjectKey> scopeTops,
      Map<ObjectKey, Instant> unreachable)
      throws IOException {
    new OptimisticCommit(policy)
        .run(
            OBJECT.value(),
            () -> {
              Top top = Top.read(target, OBJECT, MAX_BYTES);
              ReplicaRecord current = parse(top);
              SortedMap<String, SortedSet<ObjectKey>> tops = new TreeMap<>(current.tops());
              tops.put(scope, new TreeSet<>(scopeTops));
              byte[] next = new ReplicaRecord(tops, new TreeMap<>(unreachable)).render();
              return top.exists() && java.util.Arrays.equals(next, top.bytes())
                  ? null
                  : top.replace(target, next);
            });
  }

  private byte[] render() {
    StringBuilder sb = new StringBuilder("pinrepo-replica 1\n");
    tops.forEach((scope, keys) -> keys.forEach(k -> line(sb, "top", scope, k)));
    unreachable.forEach((k, when) -> line(sb, "unreachable", "" + when.getEpochSecond(), k));
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder sb, String kind, String field, ObjectKey key) {
    sb.append(kind).append(' ').append(field).append(' ').append(key.value()).append('\n');
  }

  private static ReplicaRecord parse(Top top) throws IOException {
    SortedMap<String, SortedSet<ObjectKey>> tops = new TreeMap<>();
    SortedMap<ObjectKey, Instant> unreachable = new TreeMap<>();
    String text = new String(top.bytes(), StandardCharsets.UTF_8);
    if (top.exists() && !text.startsWith("pinrepo-replica 1\n")) {
      throw new IOException(top.key() + " in the target is not a replica record");
    }
    try {
      for (String line : text.lines().skip(1).toList()) {
        String[] f = line.split(" ", 3);
        ObjectKey key = ObjectKey.of(f[2]);
        switch (f[0]) {
          case "top" -> tops.computeIfAbsent(f[1], s -> new TreeSet<>()).add(key);
          case "unreachable" -> unreachable.put(key, Instant.ofEpochSecond(Long.parseLong(f[1])));
          default -> throw new IllegalArgumentException("unknown line '" + line + "'");
        }
      }
    } catch (RuntimeException e) {
      throw new IOException(top.key() + " in the target is unreadable: " + e.getMessage(), e);
    }
    return new ReplicaRecord(tops, unreachable);
  }
}
