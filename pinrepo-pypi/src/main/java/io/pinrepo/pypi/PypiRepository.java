package io.pinrepo.pypi;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.hash.Digests;
import io.pinrepo.pypi.metadata.Distribution;
import io.pinrepo.pypi.metadata.DistributionReader;
import io.pinrepo.pypi.metadata.ReadLimits;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A simple repository on a {@link Storage}: publish wheels and sdists, yank and unyank, delete
 * versions, list projects. See {@link SimpleLayout} for the objects it writes.
 *
 * <p>Every operation follows the commit protocol: files and their {@code .metadata} are written
 * first as blobs (write-once: publishing the same bytes again is a no-op, other bytes under a
 * published name are refused with {@link PackageConflictException}); then the project's JSON page,
 * which is its state, is replaced conditionally on the version read, retrying with backoff when
 * another publisher won; then the HTML page and, for a new project, the root page. A publish reads
 * and writes a fixed number of objects, however many projects and files the repository holds, and
 * never lists the storage. A crash at any point leaves the previous state readable; at worst an
 * unreferenced blob remains for GC.
 *
 * <p>Removing a file from the index (delete, retention) leaves its blob for GC, and its name stays
 * taken: a file name once published never names other bytes. Thread-safe; several processes may
 * publish into the same storage at once if it supports conditional writes.
 */
public final class PypiRepository {

  private final Storage storage;
  private final Clock clock;
  private final DistributionReader reader;
  private final ProjectCommitter committer;
  private final int keepNewest;

  private PypiRepository(Builder b) {
    this.storage = b.storage;
    this.clock = b.clock;
    this.reader = new DistributionReader(b.limits);
    this.committer = new ProjectCommitter(storage, new OptimisticCommit(b.retry));
    this.keepNewest = b.keepNewest;
  }

  /** A repository on {@code storage} with the defaults (system UTC clock, keep every version). */
  public static PypiRepository on(Storage storage) {
    return builder(storage).build();
  }

  /** A builder for a repository on {@code storage}. */
  public static Builder builder(Storage storage) {
    return new Builder(storage);
  }

  /**
   * Publishes one wheel or sdist.
   *
   * @throws io.pinrepo.MalformedPackageException when the file is not a valid distribution or its
   *     metadata disagrees with its name; nothing is written
   * @throws PackageConflictException when a file of that name exists with other bytes
   */
  public PublishResult publish(Path file) throws IOException {
    Distribution dist = reader.read(file);
    ProjectName project = dist.name().project();
    String fileName = dist.name().fileName();
    ProjectFile entry =
        new ProjectFile(
            fileName,
            dist.digests().sha256(),
            dist.digests().size(),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            dist.metadata().requiresPython(),
            uploadBlobs(dist),
            Optional.empty());
    ProjectCommitter.Committed c = committer.change(project, current -> withFile(current, entry));
    committer.ensureListed(project);
    boolean already = c.before().file(fileName).isPresent();
    Set<String> kept =
        c.after().files().stream().map(ProjectFile::fileName).collect(Collectors.toSet());
    List<String> dropped =
        c.before().files().stream()
            .map(ProjectFile::fileName)
            .filter(n -> !kept.contains(n))
            .collect(Collectors.toCollection(ArrayList::new));
    if (!kept.contains(fileName) && !already) {
      dropped.add(fileName);
    }
    return new PublishResult(project, fileName, already, dropped);
  }

  /**
   * Step 1 of the protocol: writes the file and its {@code .metadata} as blobs, before any index
   * names them; returns the metadata's SHA-256 when there is a metadata file.
   */
  private Optional<String> uploadBlobs(Distribution dist) throws IOException {
    ProjectName project = dist.name().project();
    String fileName = dist.name().fileName();
    Blobs.put(
        storage,
        SimpleLayout.file(project, fileName),
        ContentSource.ofPath(dist.file()),
        dist.digests(),
        clock);
    Optional<byte[]> metadataFile = dist.coreMetadataFile();
    if (metadataFile.isEmpty()) {
      return Optional.empty();
    }
    Digests digests = Digests.of(metadataFile.get());
    Blobs.put(
        storage,
        SimpleLayout.coreMetadata(project, fileName),
        ContentSource.ofBytes(metadataFile.get()),
        digests,
        clock);
    return Optional.of(digests.sha256());
  }

  private ProjectPage withFile(ProjectPage current, ProjectFile entry) throws IOException {
    Optional<ProjectFile> listed = current.file(entry.fileName());
    if (listed.isPresent()) {
      if (!listed.get().sha256().equals(entry.sha256())) {
        throw new PackageConflictException(
            entry.fileName()
                + " is already published with other content (sha256 "
                + listed.get().sha256()
                + ", not "
                + entry.sha256()
                + ")");
      }
      return current;
    }
    ProjectPage next = current.with(entry);
    return keepNewest > 0 ? next.keepNewest(keepNewest) : next;
  }

  /**
   * Yanks every file of {@code version} (PEP 592) with {@code reason} (empty text for none).
   *
   * @throws UnknownReleaseException when the project has no files of that version
   */
  public void yank(ProjectName project, Pep440Version version, String reason) throws IOException {
    Objects.requireNonNull(reason, "reason");
    changeRelease(project, version, page -> page.withYanked(version, Optional.of(reason)));
  }

  /**
   * Takes back a yank of {@code version}.
   *
   * @throws UnknownReleaseException when the project has no files of that version
   */
  public void unyank(ProjectName project, Pep440Version version) throws IOException {
    changeRelease(project, version, page -> page.withYanked(version, Optional.empty()));
  }

  /**
   * Removes every file of {@code version} from the index; the blobs stay for GC and the names stay
   * taken.
   *
   * @throws UnknownReleaseException when the project has no files of that version
   */
  public void deleteVersion(ProjectName project, Pep440Version version) throws IOException {
    changeRelease(project, version, page -> page.without(version));
  }

  private void changeRelease(
      ProjectName project, Pep440Version version, ProjectCommitter.Change change)
      throws IOException {
    if (read(project).isEmpty()) {
      throw new UnknownReleaseException("no project " + project);
    }
    try {
      committer.change(
          project,
          current -> {
            if (!current.versions().contains(version)) {
              throw new UnknownReleaseException(project + " has no version " + version);
            }
            return change.apply(current);
          });
    } catch (UnknownReleaseException e) {
      // Maybe a delete repeated after a crash that cut it short after its commit: its HTML page
      // may still show the version, so bring the page up to the committed state before refusing.
      committer.refreshHtml(project);
      throw e;
    }
  }

  /** The projects the root page lists, sorted. */
  public List<ProjectName> projects() throws IOException {
    return committer.root().projects();
  }

  /** The current state of {@code project}, if it has been published. */
  public Optional<ProjectPage> read(ProjectName project) throws IOException {
    return committer.read(project);
  }

  /** Settings for a {@link PypiRepository}. */
  public static final class Builder {
    private final Storage storage;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private ReadLimits limits = ReadLimits.DEFAULT;
    private int keepNewest;

    private Builder(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** The clock for upload times and blob ages (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How lost races are retried (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** How much of an archive the reader may read (default {@link ReadLimits#DEFAULT}). */
    public Builder readLimits(ReadLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Keeps only the newest {@code n} versions of each project in its index on publish. */
    public Builder keepNewestVersions(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("must keep at least one version: " + n);
      }
      this.keepNewest = n;
      return this;
    }

    /** The repository. */
    public PypiRepository build() {
      return new PypiRepository(this);
    }
  }
}
