package io.pinrepo.maven;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.Retention;
import io.pinrepo.sign.Signer;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link MavenRepository} is built with, and what its {@link MavenFormat} reads: one
 * object, so that GC keeps exactly the snapshot builds the deploys keep.
 *
 * @param clock for {@code lastUpdated} and snapshot timestamps
 * @param signer signs every artifact and POM with a detached {@code .asc}, when present
 * @param retryPolicy how commits retry after a lost race
 * @param retention which builds of a snapshot version the metadata keeps
 * @param prefixFile whether {@code .meta/prefixes.txt} is maintained
 */
record Settings(
    Clock clock,
    Optional<Signer> signer,
    RetryPolicy retryPolicy,
    Retention retention,
    boolean prefixFile) {

  /** What a format or repository made with no settings has. */
  static final Settings DEFAULTS =
      new Settings(
          Clock.systemUTC(), Optional.empty(), RetryPolicy.DEFAULT, Retention.keepAll(), false);

  /** Rejects nulls. */
  Settings {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(retention, "retention");
  }

  /**
   * How many builds of a snapshot version the metadata keeps, as {@link
   * io.pinrepo.maven.metadata.MavenMetadata#withSnapshotBuild} counts them: 0 for every build; a
   * build replaces the older ones under {@link Retention#replaceOlder()}.
   */
  int keptBuilds() {
    if (retention instanceof Retention.KeepNewest keep) {
      return keep.count();
    }
    return retention instanceof Retention.ReplaceOlder ? 1 : 0;
  }

  /** The retention as the builder method that sets it: {@code keepNewest(2)}. */
  String describeRetention() {
    if (retention instanceof Retention.KeepNewest keep) {
      return "keepNewest(" + keep.count() + ")";
    }
    return retention instanceof Retention.ReplaceOlder ? "replaceOlder()" : "keepAll()";
  }
}
