package io.pinrepo.rpm.repodata;

import io.pinrepo.rpm.version.Nevra;
import java.util.Objects;

/**
 * What {@code primary.xml} alone says to find and check a package file: enough for verification
 * (the file at {@code location} has {@code packageSize} bytes and SHA-256 {@code pkgId}), garbage
 * collection and retention decisions.
 *
 * @param pkgId the SHA-256 of the file, lower-case hex
 * @param nevra name, epoch-version-release, arch
 * @param location where the file is, relative to the repository root
 * @param packageSize its size in bytes
 */
public record PackageSummary(String pkgId, Nevra nevra, String location, long packageSize) {
  /** Checks each part. */
  public PackageSummary {
    PackageEntry.checkPkgId(pkgId);
    Objects.requireNonNull(nevra, "nevra");
    PackageEntry.checkLocation(location);
    if (packageSize < 0) {
      throw new IllegalArgumentException("negative size " + packageSize);
    }
  }

  /** The summary of a full entry. */
  public static PackageSummary of(PackageEntry entry) {
    return new PackageSummary(entry.pkgId(), entry.nevra(), entry.location(), entry.packageSize());
  }
}
