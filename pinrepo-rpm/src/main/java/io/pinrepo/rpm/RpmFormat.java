package io.pinrepo.rpm;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * YUM/DNF repositories as repository-wide tools see them: every path recorded in {@code
 * .pinrepo-rpm-paths} (written before a path's first commit, so found with one read and no
 * listing), what its repomd.xml reaches, and checks of all of it.
 *
 * <p>Live objects and their roles: {@code repomd.xml} is {@link LiveObject.Role#TOP}, as are the
 * path record and each path's {@code repodata/pinrepo-superseded} (replaced only by conditional
 * writes on their own versions); {@code repomd.xml.asc} is {@link LiveObject.Role#DERIVED} (it may
 * lag its repomd.xml while a publisher settles it); the metadata files are blobs with the size and
 * SHA-256 repomd.xml records, the packages blobs with the size and SHA-256 primary.xml records.
 * Metadata a commit superseded stays live for the metadata retention, with the packages it names,
 * for clients that fetched the previous repomd.xml; GC collects under each path's {@code Packages/}
 * and {@code repodata/} only.
 *
 * <p>Get the instance configured like a publisher from {@link RpmRepository#format()}: it judges
 * retention by that repository's clock. The no-argument instance, which {@link
 * java.util.ServiceLoader} makes, has the defaults. Stateless and thread-safe.
 */
public final class RpmFormat implements RepositoryFormat {

  private final Settings settings;

  /** The format with the default settings (system UTC clock). */
  public RpmFormat() {
    this(Settings.defaults());
  }

  RpmFormat(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return RepositoryCheck.FORMAT;
  }

  /** Whether {@code .pinrepo-rpm-paths} exists: one stat. */
  @Override
  public boolean isPresent(Storage storage) throws IOException {
    return storage.stat(PathRecord.KEY).isPresent();
  }

  @Override
  public void verify(Storage storage, VerifyContext context, Consumer<Problem> problems)
      throws IOException {
    RepositoryCheck check = new RepositoryCheck(storage, settings, context, problems);
    for (RepoPath path : PathRecord.read(storage)) {
      check.path(path);
    }
  }

  @Override
  public void markLive(Storage storage, Consumer<LiveObject> live) throws IOException {
    LiveMark mark = new LiveMark(storage, settings, live);
    if (isPresent(storage)) {
      mark.record();
    }
    for (RepoPath path : PathRecord.read(storage)) {
      mark.path(path);
    }
  }

  /** Each recorded path's {@code Packages/} and {@code repodata/}. */
  @Override
  public List<String> collectablePrefixes(Storage storage) throws IOException {
    List<String> prefixes = new ArrayList<>();
    for (RepoPath path : PathRecord.read(storage)) {
      prefixes.add(path.packagesPrefix());
      prefixes.add(path.repodataPrefix());
    }
    return prefixes;
  }

  /**
   * {@code .rpm} files and content-addressed metadata as immutable, {@code repomd.xml} and its
   * signature as short-lived.
   */
  @Override
  public Optional<ServingMetadata> serving(ObjectKey key) {
    return RpmServing.of(key);
  }
}
