package io.pinrepo.format;

import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.verify.Problem;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * What repository-wide tools (verify, GC, replication) need to know of one format: how to find it
 * in a storage, how to check it, and which objects its live tops reach. Each format module provides
 * one implementation; tools take a list of them and never parse a format themselves.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface RepositoryFormat {

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
   * live}. GC deletes nothing that this reports.
   */
  void markLive(Storage storage, Consumer<ObjectKey> live) throws IOException;

  /**
   * The key prefixes under which this format keeps blobs that GC may delete once nothing reaches
   * them (e.g. {@code pool/}, {@code dists/stable/main/binary-amd64/by-hash/}).
   */
  List<String> collectablePrefixes(Storage storage) throws IOException;
}
