package io.pinrepo.replication;

import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The target as one listing at the start of a run saw it, brought up to date with each write this
 * run makes: what every skip decision and every conditional write is based on. The SHA-256 of an
 * object is read at most once (and never for what this run wrote). Thread-safe.
 */
final class TargetObjects {
  private final Storage target;
  private final List<ObjectInfo> listed;
  private final ConcurrentMap<ObjectKey, ObjectInfo> current = new ConcurrentHashMap<>();
  private final ConcurrentMap<ObjectKey, String> sha256 = new ConcurrentHashMap<>();

  private TargetObjects(Storage target, List<ObjectInfo> listed) {
    this.target = target;
    this.listed = List.copyOf(listed);
    listed.forEach(info -> current.put(info.key(), info));
  }

  /** Lists the whole target once. */
  static TargetObjects list(Storage target) throws IOException {
    List<ObjectInfo> listed = new ArrayList<>();
    try (ObjectListing listing = target.list("")) {
      while (listing.hasNext()) {
        listed.add(listing.next());
      }
    }
    return new TargetObjects(target, listed);
  }

  /** What the listing at the start of the run held. */
  List<ObjectInfo> listed() {
    return listed;
  }

  /** The object under {@code key} as last seen, if any. */
  Optional<ObjectInfo> info(ObjectKey key) {
    return Optional.ofNullable(current.get(key));
  }

  /** The condition under which {@code key} may be replaced: still the version last seen. */
  WriteCondition conditionFor(ObjectKey key) {
    ObjectInfo info = current.get(key);
    return info == null
        ? WriteCondition.mustBeAbsent()
        : WriteCondition.matches(info.versionToken());
  }

  /** Records a write of this run, and the SHA-256 of what it wrote when known. */
  void wrote(ObjectInfo info, Optional<String> contentSha256) {
    current.put(info.key(), info);
    sha256.remove(info.key());
    contentSha256.ifPresent(s -> sha256.put(info.key(), s));
  }

  /**
   * Whether the target holds {@code key} with exactly {@code size} bytes of SHA-256 {@code sha}:
   * compares sizes first and reads the object only when they agree.
   */
  boolean holds(ObjectKey key, long size, String sha) throws IOException {
    ObjectInfo info = current.get(key);
    if (info == null || info.size() != size) {
      return false;
    }
    String known = sha256.get(key);
    if (known == null) {
      try (ObjectStream in = target.read(key)) {
        if (!in.info().versionToken().equals(info.versionToken())) {
          return false; // changed since listed: the conditional write will tell
        }
        known = Digests.of(in).sha256();
      } catch (ObjectNotFoundException e) {
        return false;
      }
      sha256.put(key, known);
    }
    return known.equals(sha);
  }
}
