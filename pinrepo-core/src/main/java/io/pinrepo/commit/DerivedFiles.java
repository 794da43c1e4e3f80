package io.pinrepo.commit;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Files rendered from one committed version of a top that cannot be content-addressed, so they are
 * written after the commit: APT's legacy {@code Packages} paths and {@code Release}, Maven's
 * metadata checksum files, a PyPI project's HTML page. See {@link
 * OptimisticCommit.Operation#settle}.
 *
 * @param top the commit point they are derived from
 * @param topVersion the version token of the top they render
 * @param files the content of each derived file
 * @param before the derived files' versions, read before {@code topVersion} was committed (or, when
 *     repairing, before the top was read); each file is written only if it is still that version
 */
public record DerivedFiles(
    ObjectKey top,
    String topVersion,
    SortedMap<ObjectKey, ContentSource> files,
    ObjectVersions before) {

  /** Validates that every file's version was read before. */
  public DerivedFiles {
    Objects.requireNonNull(top, "top");
    Objects.requireNonNull(topVersion, "topVersion");
    Objects.requireNonNull(before, "before");
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    for (ObjectKey key : files.keySet()) {
      if (!before.covers(key)) {
        throw new IllegalArgumentException(key + ": its version was not read before the commit");
      }
    }
  }

  /** Derived files given as bytes. */
  public static DerivedFiles ofBytes(
      ObjectKey top, String topVersion, Map<ObjectKey, byte[]> files, ObjectVersions before) {
    SortedMap<ObjectKey, ContentSource> sources = new TreeMap<>();
    files.forEach((key, bytes) -> sources.put(key, ContentSource.ofBytes(bytes)));
    return new DerivedFiles(top, topVersion, sources, before);
  }

  /** Whether there is nothing to write. */
  public boolean isEmpty() {
    return files.isEmpty();
  }
}
