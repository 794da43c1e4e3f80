package io.pinrepo.rpm.header;

import java.util.Objects;

/**
 * What a package says about itself besides its identity and relations. Text a header lacks is the
 * empty string; numbers it lacks are 0.
 *
 * @param summary one line
 * @param description free text
 * @param url the project's home page
 * @param license the license expression
 * @param vendor who distributes it
 * @param group the (legacy) package group
 * @param buildHost the host it was built on
 * @param buildTime when it was built, in seconds since the epoch
 * @param packager who packaged it
 * @param sourceRpm the file name of the source package it was built from ("" for a source package)
 * @param installedSize the size of its files once installed, in bytes
 * @param archiveSize the size of its uncompressed payload archive, in bytes
 */
public record PackageInfo(
    String summary,
    String description,
    String url,
    String license,
    String vendor,
    String group,
    String buildHost,
    long buildTime,
    String packager,
    String sourceRpm,
    long installedSize,
    long archiveSize) {

  /** Checks for null and negative numbers. */
  public PackageInfo {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(buildHost, "buildHost");
    Objects.requireNonNull(packager, "packager");
    Objects.requireNonNull(sourceRpm, "sourceRpm");
    if (buildTime < 0 || installedSize < 0 || archiveSize < 0) {
      throw new IllegalArgumentException(
          "negative time or size: " + buildTime + ", " + installedSize + ", " + archiveSize);
    }
  }
}
