package io.pinrepo.format;

import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Optional power of a {@link RepositoryFormat}: naming a part of a repository (an APT distribution,
 * a PyPI project, a Maven group) so that a tool can copy that part alone, as when a staging
 * repository promotes one distribution into a public one. A format that has it implements this
 * interface beside {@link RepositoryFormat}; tools check with {@code instanceof}.
 *
 * <p>The part is what {@link #markLive(Storage, String, Consumer)} reports: its tops and everything
 * they reach, each object with its role as {@link RepositoryFormat#markLive} reports it. Some tops
 * belong to every part at once (PyPI's root page lists every project; Maven's prefix file every
 * group): those are <em>shared</em> ({@link #isShared}), and a scoped copy must merge them into the
 * target's own rather than replace it, which is the format's job ({@link #merge}). The files
 * derived from a shared top are not reported; the merge renders them.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ScopedFormat {

  /**
   * What the format's parts are called, as the command line spells the option that selects one:
   * {@code dist}, {@code project}, {@code group}.
   */
  String scopeKind();

  /**
   * Reports every object that the part named {@code scope} holds or reaches, each once, as {@link
   * RepositoryFormat#markLive} would for the whole repository; nothing when the part does not
   * exist. Shared tops are reported with the role {@link LiveObject.Role#TOP} and without their
   * derived files.
   *
   * @throws IllegalArgumentException when {@code scope} is not a valid name of a part, saying why
   */
  void markLive(Storage storage, String scope, Consumer<LiveObject> live) throws IOException;

  /** Whether {@code top} is shared by every part, so that a scoped copy merges it. */
  default boolean isShared(ObjectKey top) {
    return false;
  }

  /**
   * The content a scoped copy of {@code scope} writes for the shared top {@code top}: the target's
   * version with the part's entry taken from the source's, and every file derived from it.
   *
   * @param source the source's content of the top, empty when the source has none
   * @param target the target's content, or empty when the target has no such top
   * @return the merged top, or empty when the target's top is to stay as it is (it already has the
   *     entry, or the target does without the top altogether)
   */
  default Optional<MergedTop> merge(
      String scope, ObjectKey top, byte[] source, Optional<byte[]> target) throws IOException {
    return Optional.empty();
  }
}
