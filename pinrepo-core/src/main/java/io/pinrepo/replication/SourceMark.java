package io.pinrepo.replication;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.LiveObject.Role;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.ScopedFormat;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mark of the source: every live object of the formats copied, by role, and which format merges
 * each shared top of a scoped copy. An object two formats report keeps the first report.
 */
final class SourceMark {

  /**
   * Deeper keys first, then key order: a top names objects at or below its own level, so a reader
   * that follows the shallower one finds the deeper one already in place.
   */
  static final Comparator<LiveObject> DEEPEST_FIRST =
      Comparator.comparingInt((LiveObject o) -> -o.key().segments().size())
          .thenComparing(LiveObject::key);

  private final Map<ObjectKey, LiveObject> objects;
  private final Map<ObjectKey, ScopedFormat> shared;

  private SourceMark(Map<ObjectKey, LiveObject> objects, Map<ObjectKey, ScopedFormat> shared) {
    this.objects = objects;
    this.shared = shared;
  }

  /** Marks {@code source} with {@code formats}, or only the part {@code scope} names. */
  static SourceMark take(Storage source, List<RepositoryFormat> formats, Optional<Scope> scope)
      throws IOException {
    Map<ObjectKey, LiveObject> objects = new LinkedHashMap<>();
    Map<ObjectKey, ScopedFormat> shared = new HashMap<>();
    for (RepositoryFormat format : formats) {
      if (scope.isEmpty()) {
        format.markLive(source, o -> objects.putIfAbsent(o.key(), o));
        continue;
      }
      ScopedFormat scoped = (ScopedFormat) format;
      scoped.markLive(
          source,
          scope.get().name(),
          o -> {
            if (objects.putIfAbsent(o.key(), o) == null
                && o.role() == Role.TOP
                && scoped.isShared(o.key())) {
              shared.put(o.key(), scoped);
            }
          });
    }
    return new SourceMark(objects, shared);
  }

  /** The objects of {@code role}; tops deepest first. */
  List<LiveObject> withRole(Role role) {
    List<LiveObject> found = new ArrayList<>();
    for (LiveObject o : objects.values()) {
      if (o.role() == role) {
        found.add(o);
      }
    }
    if (role == Role.TOP) {
      found.sort(DEEPEST_FIRST);
    }
    return found;
  }

  /** Every key marked. */
  Set<ObjectKey> keys() {
    return objects.keySet();
  }

  /** The format that merges {@code top}, when it is a shared top of a scoped copy. */
  Optional<ScopedFormat> merger(ObjectKey top) {
    return Optional.ofNullable(shared.get(top));
  }
}
