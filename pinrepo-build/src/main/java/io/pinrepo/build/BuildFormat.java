package io.pinrepo.build;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds and pointers for repository-wide tools: verification (manifests against files, markers and
 * pointers against manifests, pointer histories complete), GC marking with each object's role, and
 * how each object is served. {@link BuildRepository#format()} hands out the instance configured
 * like the repository; the no-argument one, which {@link java.util.ServiceLoader} makes, has the
 * defaults. Stateless and thread-safe.
 *
 * <h2>What GC keeps</h2>
 *
 * Every pointer, history entry and listing marker; the builds the listing names (a publish's
 * retention drops builds from it) and whatever each pointer names now or named in its recent
 * history ({@link HistoryRoots}): a retention never costs a pointer its build. A complete build
 * that nothing keeps loses its manifest in one GC run and its files in the next, so no manifest
 * ever names a missing file; incomplete builds (files, no manifest: a publish that died) go once
 * older than the grace period. A pointer set while GC runs is safe because the set first refreshes
 * the age of an old manifest and GC re-checks ages before each delete. Marking walks the whole
 * {@value BuildLayout#PREFIX} listing once and reads every manifest and each pointer's recent
 * history.
 *
 * <h2>Roles, and why a replica is consistent at every moment</h2>
 *
 * Replication copies {@link LiveObject.Role#BLOB blobs}, then {@link LiveObject.Role#DERIVED
 * derived} objects, then {@link LiveObject.Role#TOP tops}. What names what decides the roles: a
 * manifest names its files, and a listing marker and a pointer each name a manifest.
 *
 * <ul>
 *   <li>A build's files are blobs, reported with the size and SHA-256 its manifest lists.
 *   <li>A manifest is <em>derived</em>: it is written once, after its files, and makes the build
 *       visible, so it must reach a replica after every file (not as a blob, since blobs are copied
 *       in no particular order) and before anything that names it. It is not a top because tops are
 *       copied last, and the tops that name it must not arrive before it.
 *   <li>A listing marker is a <em>top</em>: it is what a listing reads first, and it names a
 *       manifest, so it arrives after the manifest and a replica never lists an incomplete build.
 *   <li>A pointer's {@code current.json} is a <em>top</em>: the commit point of its changes,
 *       replaced only by compare-and-swap, naming a manifest.
 *   <li>History entries are <em>derived</em> from their pointer. One that arrives before the
 *       replica's pointer has moved is not read: a history is walked from the current pointer
 *       through the entries older than it.
 * </ul>
 */
public final class BuildFormat implements RepositoryFormat {

  static final String NAME = "build";

  private final Settings settings;

  /** The format with the default settings. */
  public BuildFormat() {
    this(Settings.DEFAULTS);
  }

  /** The format of a repository with {@code settings}. */
  BuildFormat(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The settings this format shares with its repository. */
  Settings settings() {
    return settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isPresent(Storage storage) throws IOException {
    try (ObjectListing listing = storage.list(BuildLayout.PREFIX)) {
      return listing.hasNext();
    }
  }

  @Override
  public void verify(Storage storage, VerifyContext context, Consumer<Problem> problems)
      throws IOException {
    new Checks(storage, settings, problems).run();
  }

  @Override
  public void markLive(Storage storage, Consumer<LiveObject> live) throws IOException {
    new LiveMarking(storage, settings).mark(live);
  }

  @Override
  public List<String> collectablePrefixes(Storage storage) {
    return List.of(BuildLayout.PREFIX);
  }

  /**
   * Pointers are revalidated on every use, so a node polling through a cache sees a change on its
   * next poll; everything else never changes once written and is immutable.
   */
  @Override
  public Optional<ServingMetadata> serving(ObjectKey key) {
    return BuildServing.of(key);
  }
}
