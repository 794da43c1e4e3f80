package io.pinrepo.rpm.repodata;

import java.util.Objects;

/**
 * One {@code <data>} element of {@code repomd.xml}: a repodata file with the SHA-256 and size of
 * its compressed bytes ({@code checksum}, {@code size}) and of its uncompressed content ({@code
 * open-checksum}, {@code open-size}).
 *
 * @param type {@code primary}, {@code filelists}, {@code other}, or another type a repository
 *     carries (such as {@code updateinfo})
 * @param location the file's path relative to the repository root, such as {@code
 *     repodata/<sha256>-primary.xml.gz}
 * @param checksum SHA-256 of the file, lower-case hex
 * @param openChecksum SHA-256 of its uncompressed content, "" when not recorded
 * @param timestamp the file's time, in seconds since the epoch
 * @param size the file's size
 * @param openSize its uncompressed size, -1 when not recorded
 */
public record RepomdRecord(
    String type,
    String location,
    String checksum,
    String openChecksum,
    long timestamp,
    long size,
    long openSize) {

  /** The digests and sizes a {@link MetadataOutput} measured. */
  record Sizes(String checksum, long size, String openChecksum, long openSize) {}

  /** Checks each part. */
  public RepomdRecord {
    checkType(type);
    PackageEntry.checkLocation(location);
    checkSha256(checksum);
    if (!Objects.requireNonNull(openChecksum, "openChecksum").isEmpty()) {
      checkSha256(openChecksum);
    }
    if (timestamp < 0 || size < 0 || openSize < -1) {
      throw new IllegalArgumentException(
          "negative time or size: " + timestamp + ", " + size + ", " + openSize);
    }
  }

  static RepomdRecord of(
      String type, MetadataCompression compression, Sizes sizes, long timestamp) {
    String location =
        "repodata/" + sizes.checksum() + "-" + type + ".xml." + compression.extension();
    return new RepomdRecord(
        type,
        location,
        sizes.checksum(),
        sizes.openChecksum(),
        timestamp,
        sizes.size(),
        sizes.openSize());
  }

  static void checkType(String type) {
    if (!Objects.requireNonNull(type, "type").matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException("bad repodata type '" + type + "'");
    }
  }

  private static void checkSha256(String hex) {
    if (!Objects.requireNonNull(hex, "checksum").matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a lower-case SHA-256: '" + hex + "'");
    }
  }
}
