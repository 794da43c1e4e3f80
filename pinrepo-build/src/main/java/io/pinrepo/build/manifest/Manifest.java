package io.pinrepo.build.manifest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a published build is: its files with their sizes and SHA-256, its metadata and when it was
 * published. A build exists exactly when its manifest does; the manifest is written once, after
 * every file it lists, and never changes.
 *
 * @param name the build line
 * @param version the version
 * @param time when it was published, by the publisher's clock, to the millisecond
 * @param metadata free-form facts
 * @param files the files, sorted by path
 */
public record Manifest(
    BuildName name,
    BuildVersion version,
    Instant time,
    BuildMetadata metadata,
    List<FileEntry> files) {

  /** Sorts the files and rejects an empty or duplicate file list. */
  public Manifest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(metadata, "metadata");
    files = files.stream().sorted(Comparator.comparing(FileEntry::path)).toList();
    if (files.isEmpty()) {
      throw new IllegalArgumentException(name + " " + version + ": a manifest lists no file");
    }
    for (int i = 1; i < files.size(); i++) {
      if (files.get(i).path().equals(files.get(i - 1).path())) {
        throw new IllegalArgumentException(
            name + " " + version + ": " + files.get(i).path() + " is listed twice");
      }
    }
  }

  /** The entry for {@code path}, if the build has such a file. */
  public Optional<FileEntry> file(BuildPath path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst();
  }

  /** The bytes of all files. */
  public long totalSize() {
    return files.stream().mapToLong(FileEntry::size).sum();
  }

  /**
   * Whether {@code other} describes the same build: same name, version, files and metadata. The
   * time is left out, so publishing the same build again is recognised as such.
   */
  public boolean sameBuildAs(Manifest other) {
    return name.equals(other.name)
        && version.equals(other.version)
        && files.equals(other.files)
        && metadata.equals(other.metadata);
  }
}
