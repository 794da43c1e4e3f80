package io.pinrepo.rpm;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.Retention;
import io.pinrepo.rpm.header.ReadLimits;
import io.pinrepo.rpm.repodata.MetadataCompression;
import io.pinrepo.sign.Signer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an {@link RpmRepository} was built with: the one object its publisher and its {@link
 * RpmFormat} (verify, GC) read their settings from. It holds no storage.
 *
 * @param signer signs {@code repomd.xml} into {@code repomd.xml.asc}, when present
 * @param clock the time of repodata files and of superseded-metadata expiry
 * @param retryPolicy how lost races are retried
 * @param retention which versions of a name and architecture a publish keeps
 * @param compression how new metadata files are compressed
 * @param sources where source packages go
 * @param metadataRetention how long superseded metadata (and the packages it names) stays
 * @param maxMetadataBytes the largest uncompressed metadata document read
 * @param readLimits how much of a package's headers the reader holds
 */
record Settings(
    Optional<Signer> signer,
    Clock clock,
    RetryPolicy retryPolicy,
    Retention retention,
    MetadataCompression compression,
    SourcePlacement sources,
    Duration metadataRetention,
    long maxMetadataBytes,
    ReadLimits readLimits) {

  /** The largest {@code repomd.xml} (or other small record) read. */
  static final int MAX_SMALL_FILE = 16 << 20;

  /** Rejects nulls and negative values. */
  Settings {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(sources, "sources");
    if (metadataRetention.isNegative()) {
      throw new IllegalArgumentException("negative metadata retention " + metadataRetention);
    }
    if (maxMetadataBytes < 1) {
      throw new IllegalArgumentException("maxMetadataBytes must be positive: " + maxMetadataBytes);
    }
    Objects.requireNonNull(readLimits, "readLimits");
  }

  /** The defaults every builder starts from. */
  static Settings defaults() {
    return new Settings(
        Optional.empty(),
        Clock.systemUTC(),
        RetryPolicy.DEFAULT,
        Retention.keepAll(),
        MetadataCompression.GZIP,
        SourcePlacement.SRPMS_BESIDE,
        Duration.ofDays(1),
        4L << 30,
        ReadLimits.DEFAULT);
  }

  /** Where the source packages of a publish into {@code path} go. */
  RepoPath sourcePath(RepoPath path) {
    return sources == SourcePlacement.WITH_BINARIES ? path : path.sibling("SRPMS");
  }
}
