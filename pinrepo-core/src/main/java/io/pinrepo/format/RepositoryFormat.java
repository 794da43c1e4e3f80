package io.pinrepo.format;

import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What repository-wide tools (verify, GC, serving, caching, mirroring, replication) need to know of
 * one format: how to find it in a storage, how to check it, which objects its live tops reach and
 * in what role, and how each of its objects is served. Each format module provides one
 * implementation, registered for {@link java.util.ServiceLoader} (see {@link
 * RepositoryFormats#installed()}); tools take a list of them and never parse a format themselves.
 *
 * <p>A format's repository type hands out the instance configured like itself ({@code
 * repository.format()}), so that GC honours the same retention as the publisher; the no-argument
 * instance that {@link java.util.ServiceLoader} makes has the defaults.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface RepositoryFormat extends ServingPolicy {

  /** A short name for reports: {@code apt}, {@code maven}, {@code pypi}. */
  String name();

  /** Whether {@code storage} holds a repository of this format (cheap: a stat or one list page). */
  boolean isPresent(Storage storage) throws IOException;

  /**
   * Checks every index entry against the object it names and reports each disagreement to {@code
   * problems}; a clean repository reports nothing.
   */
  void verify(Storage storage, VerifyContext context, Consumer<Problem> problems)
      throws IOException;

  /**
   * Reports every object reachable from this format's live tops (the tops included) to {@code
   * live}, each once, with its role and, where an index records them, its size and SHA-256. GC
   * deletes nothing that this reports; a replica that holds every reported object is a complete
   * repository.
   */
  void markLive(Storage storage, Consumer<LiveObject> live) throws IOException;

  /**
   * The key prefixes under which this format keeps blobs that GC may delete once nothing reaches
   * them (e.g. {@code pool/}, {@code dists/stable/main/binary-amd64/by-hash/}).
   */
  List<String> collectablePrefixes(Storage storage) throws IOException;

  /**
   * How {@code key} is served, when it is one of this format's objects: content type and whether it
   * is immutable. Answered from the key alone, without storage access.
   */
  @Override
  Optional<ServingMetadata> serving(ObjectKey key);
}
