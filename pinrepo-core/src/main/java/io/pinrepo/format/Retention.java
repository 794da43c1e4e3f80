package io.pinrepo.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which versions of one package a repository keeps when a version is published: every format
 * applies it to the versions of the package published (an APT name and architecture, a PyPI
 * project, an RPM name and architecture, a Maven snapshot's builds, a build name). Dropped versions
 * leave the index; their files stay until GC.
 */
public sealed interface Retention {

  /** Keep every version (the default). */
  static Retention keepAll() {
    return KeepAll.INSTANCE;
  }

  /** Drop versions older than the one published, as deb-s3 does by default. */
  static Retention replaceOlder() {
    return ReplaceOlder.INSTANCE;
  }

  /** Keep the newest {@code n} versions. */
  static Retention keepNewest(int n) {
    return new KeepNewest(n);
  }

  /**
   * The versions to drop from {@code versions} (any order, no duplicates) after {@code published}
   * was published, ordered by {@code order}.
   */
  default <V> List<V> dropped(List<V> versions, V published, Comparator<? super V> order) {
    List<V> newestFirst = new ArrayList<>(versions);
    newestFirst.sort(order.reversed());
    if (this instanceof ReplaceOlder) {
      return newestFirst.stream().filter(v -> order.compare(v, published) < 0).toList();
    }
    if (this instanceof KeepNewest keep && newestFirst.size() > keep.count()) {
      return List.copyOf(newestFirst.subList(keep.count(), newestFirst.size()));
    }
    return List.of();
  }

  /** See {@link Retention#keepAll()}. */
  enum KeepAll implements Retention {
    /** The only instance. */
    INSTANCE
  }

  /** See {@link Retention#replaceOlder()}. */
  enum ReplaceOlder implements Retention {
    /** The only instance. */
    INSTANCE
  }

  /**
   * See {@link Retention#keepNewest(int)}.
   *
   * @param count how many versions to keep, at least 1
   */
  record KeepNewest(int count) implements Retention {
    /** Rejects a count below 1. */
    public KeepNewest {
      if (count < 1) {
        throw new IllegalArgumentException("keep at least one version: " + count);
      }
    }
  }
}
