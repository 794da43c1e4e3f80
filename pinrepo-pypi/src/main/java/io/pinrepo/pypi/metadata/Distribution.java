package io.pinrepo.pypi.metadata;

import io.pinrepo.hash.Digests;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A distribution file that has been read and checked: its name, its core metadata (whose name and
 * version agree with the file name), the metadata's exact bytes and the file's digests.
 *
 * @param file where the file is
 * @param name the parsed file name
 * @param metadata the parsed core metadata
 * @param metadataBytes the core metadata file's bytes as stored in the archive
 * @param digests the whole file's size and digests
 */
public record Distribution(
    Path file,
    DistributionFileName name,
    CoreMetadata metadata,
    byte[] metadataBytes,
    Digests digests) {

  /** Rejects nulls and copies the bytes. */
  public Distribution {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(digests, "digests");
    metadataBytes = metadataBytes.clone();
  }

  /** The metadata bytes (a copy). */
  @Override
  public byte[] metadataBytes() {
    return metadataBytes.clone();
  }

  /**
   * The bytes to serve as the PEP 658 {@code <file>.metadata}: a wheel's METADATA. Empty for an
   * sdist, whose PKG-INFO may leave fields to the build (PEP 643) and which pip builds anyway.
   */
  public Optional<byte[]> coreMetadataFile() {
    return name.kind().isSdist() ? Optional.empty() : Optional.of(metadataBytes.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Distribution d
        && file.equals(d.file)
        && name.equals(d.name)
        && metadata.equals(d.metadata)
        && java.util.Arrays.equals(metadataBytes, d.metadataBytes)
        && digests.equals(d.digests);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, name, metadata, java.util.Arrays.hashCode(metadataBytes), digests);
  }

  @Override
  public String toString() {
    return "Distribution[" + name + ", sha256=" + digests.sha256() + "]";
  }
}
