package io.pinrepo.commit;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The version tokens some objects had when they were read, or their absence: what a write after a
 * commit is conditioned on, so that a slow writer of an older state loses to any write made since.
 *
 * @param tokens each key's version token, empty for an object that did not exist
 */
public record ObjectVersions(Map<ObjectKey, Optional<String>> tokens) {

  /** Copies the map, sorted by key. */
  public ObjectVersions {
    tokens = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tokens));
  }

  /** Stats each of {@code keys} once. */
  public static ObjectVersions read(Storage storage, Collection<ObjectKey> keys)
      throws IOException {
    Map<ObjectKey, Optional<String>> tokens = new TreeMap<>();
    for (ObjectKey key : keys) {
      tokens.put(key, storage.stat(key).map(ObjectInfo::versionToken));
    }
    return new ObjectVersions(tokens);
  }

  /** Whether {@code key} was read. */
  public boolean covers(ObjectKey key) {
    return tokens.containsKey(key);
  }

  /**
   * The condition under which {@code key} may be replaced: it must still be the version read, or
   * still absent.
   *
   * @throws IllegalArgumentException when {@code key} was not read
   */
  public WriteCondition conditionFor(ObjectKey key) {
    Optional<String> token = tokens.get(Objects.requireNonNull(key, "key"));
    if (token == null) {
      throw new IllegalArgumentException(key + " was not read");
    }
    return token.map(WriteCondition::matches).orElse(WriteCondition.mustBeAbsent());
  }
}
