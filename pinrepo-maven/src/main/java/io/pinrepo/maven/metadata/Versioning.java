package io.pinrepo.maven.metadata;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <versioning>} element. Empty strings and lists stand for absent elements.
 *
 * @param latest the highest version, releases and snapshots alike
 * @param release the highest release version
 * @param versions every version, in Maven order (artifact-level metadata)
 * @param lastUpdated when the metadata last changed, {@code yyyyMMddHHmmss} UTC
 * @param snapshot the newest build (snapshot version-level metadata)
 * @param snapshotVersions the newest build per classifier and extension
 */
public record Versioning(
    String latest,
    String release,
    List<String> versions,
    String lastUpdated,
    Snapshot snapshot,
    List<SnapshotVersion> snapshotVersions) {

  /** A versioning with nothing in it. */
  public static final Versioning EMPTY =
      new Versioning("", "", List.of(), "", Snapshot.NONE, List.of());

  /** Copies the lists; rejects nulls. */
  public Versioning {
    Objects.requireNonNull(latest, "latest");
    Objects.requireNonNull(release, "release");
    versions = List.copyOf(versions);
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    Objects.requireNonNull(snapshot, "snapshot");
    snapshotVersions = List.copyOf(snapshotVersions);
  }

  /** Whether no element would be written. */
  public boolean isEmpty() {
    return equals(EMPTY);
  }
}
