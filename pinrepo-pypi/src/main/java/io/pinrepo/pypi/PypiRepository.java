package io.pinrepo.pypi;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.pypi.metadata.Distribution;
import io.pinrepo.pypi.metadata.DistributionReader;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.metadata.ReadLimits;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A simple repository on a {@link Storage}: publish wheels and sdists, yank and unyank, delete
 * versions, list projects. See {@link SimpleLayout} for the objects it writes. It is the single
 * holder of the repository's settings: {@link #format()} hands them to verify and GC.
 *
 * <p>Every operation follows the commit protocol: files and their {@code .metadata} are written
 * first as blobs, after every file of the batch was checked against its project's state
 * (write-once: publishing the same bytes again is a no-op, other bytes under a published name are
 * refused with {@link PackageConflictException}); then the project's JSON page, which is its state,
 * is replaced conditionally on the version read, retrying with backoff when another publisher won;
 * then the post-commit step writes the HTML page derived from it, and a new project is added to the
 * root page the same way. A publish reads and writes a fixed number of objects, however many
 * projects and files the repository holds, and never lists the storage. A crash at any point leaves
 * the previous state readable; at worst an unreferenced blob remains for GC, and a derived page
 * lags until the next change to its project repairs it.
 *
 * <p>Removing a file from the index (delete, retention) leaves its blob for GC, and its name stays
 * taken: a file name once published never names other bytes. Thread-safe; several processes may
 * publish into the same storage at once if it supports conditional writes.
 */
public final class PypiRepository {

  private final Storage storage;
  private final Settings settings;
  private final DistributionReader reader;
  private final ProjectCommitter committer;
  private final PypiFormat format;

  private PypiRepository(Storage storage, Settings settings) {
    this.storage = storage;
    this.settings = settings;
    this.reader = new DistributionReader(settings.readLimits());
    this.committer = new ProjectCommitter(storage, new OptimisticCommit(settings.retryPolicy()));
    this.format = new PypiFormat(settings);
  }

  /** A repository on {@code storage} with the defaults (system UTC clock, keep every version). */
  public static PypiRepository on(Storage storage) {
    return builder(storage).build();
  }

  /** A builder for a repository on {@code storage}. */
  public static Builder builder(Storage storage) {
    return new Builder(storage);
  }

  /** The format of this repository, with its settings, for verify and GC. */
  public PypiFormat format() {
    return format;
  }

  /**
   * Publishes one wheel or sdist: {@link #publish(List)} of one file.
   *
   * @throws MalformedPackageException when the file is not a valid distribution or its metadata
   *     disagrees with its name; nothing is written
   * @throws PackageConflictException when a file of that name exists with other bytes
   */
  public ChangeReport<DistributionRef> publish(Path file) throws IOException {
    return publish(List.of(file));
  }

  /**
   * Publishes wheels and sdists, all or nothing: every file is read and checked, and checked
   * against the current state of its project, before anything is written; if any file is malformed
   * or its name is taken by other bytes, nothing is written and each such file is named. The files
   * of one project are committed together, one project after another in the order of their first
   * file, and then the root once. When a later project's commit is refused after an earlier one's
   * succeeded (another publisher took one of its names with other bytes between the check and the
   * commit, or kept winning the race until the retry budget ran out), the earlier projects stay
   * published and listed, and what this call uploaded for the others is taken back. The report
   * lists every file published (added), given again with the same bytes (unchanged) or dropped from
   * its project's index by the retention (removed), which is applied also when every file was
   * published already.
   *
   * @throws MalformedPackageException when one file is not a valid distribution; nothing is written
   * @throws PackageConflictException when one file's name is taken by other bytes; nothing is
   *     written
   * @throws RefusedBatchException when several files are bad, naming each; nothing is written
   */
  public ChangeReport<DistributionRef> publish(List<Path> files) throws IOException {
    return new BatchPublish(storage, settings, committer).publish(readAll(files));
  }

  private List<Distribution> readAll(List<Path> files) throws IOException {
    List<Distribution> read = new ArrayList<>();
    List<PinrepoException> refused = new ArrayList<>();
    for (Path file : files) {
      try {
        read.add(reader.read(file));
      } catch (MalformedPackageException e) {
        refused.add(e);
      }
    }
    if (!refused.isEmpty()) {
      throw RefusedBatchException.refusal(refused);
    }
    return read;
  }

  /**
   * Yanks every file of {@code version} (PEP 592) with {@code reason} (empty text for none).
   *
   * @return the files yanked now as added (listed anew, yanked), those already yanked so as
   *     unchanged
   * @throws UnknownReleaseException when the project has no files of that version
   */
  public ChangeReport<DistributionRef> yank(
      ProjectName project, Pep440Version version, String reason) throws IOException {
    Objects.requireNonNull(reason, "reason");
    return changeRelease(project, version, page -> page.withYanked(version, Optional.of(reason)));
  }

  /**
   * Takes back a yank of {@code version}.
   *
   * @return the files unyanked now as added (listed anew), those not yanked as unchanged
   * @throws UnknownReleaseException when the project has no files of that version
   */
  public ChangeReport<DistributionRef> unyank(ProjectName project, Pep440Version version)
      throws IOException {
    return changeRelease(project, version, page -> page.withYanked(version, Optional.empty()));
  }

  /**
   * Removes every file of {@code version} from the index; the blobs stay for GC and the names stay
   * taken.
   *
   * @return the files removed
   * @throws UnknownReleaseException when the project has no files of that version
   */
  public ChangeReport<DistributionRef> deleteVersion(ProjectName project, Pep440Version version)
      throws IOException {
    return changeRelease(project, version, page -> page.without(version));
  }

  private ChangeReport<DistributionRef> changeRelease(
      ProjectName project, Pep440Version version, ProjectCommitter.Change change)
      throws IOException {
    if (read(project).isEmpty()) {
      throw new UnknownReleaseException("no project " + project);
    }
    ProjectCommitter.Committed c;
    try {
      c =
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
    Changes changes = new Changes();
    Set<String> touched =
        c.before().files().stream()
            .filter(f -> f.version().equals(version))
            .map(ProjectFile::fileName)
            .collect(Collectors.toSet());
    changes.diff(c.before(), c.after(), touched);
    changes.committed(c.written(), c.html());
    return changes.report();
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
    private Clock clock = Settings.DEFAULTS.clock();
    private RetryPolicy retry = Settings.DEFAULTS.retryPolicy();
    private Retention retention = Settings.DEFAULTS.retention();
    private ReadLimits limits = Settings.DEFAULTS.readLimits();

    private Builder(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** The clock for upload times and blob ages (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How lost races are retried, by the commit and its post-commit step together (default {@link
     * RetryPolicy#DEFAULT}).
     */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Which versions of a project stay in its index when one is published (default {@link
     * Retention#keepAll()}); {@link Retention#keepNewest(int)} keeps the newest {@code n} in PEP
     * 440 order.
     */
    public Builder retention(Retention retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /** How much of an archive the reader may read (default {@link ReadLimits#DEFAULT}). */
    public Builder readLimits(ReadLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The repository. */
    public PypiRepository build() {
      return new PypiRepository(storage, new Settings(clock, retry, retention, limits));
    }
  }
}
