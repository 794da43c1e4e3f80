package io.pinrepo.build.manifest;

import io.pinrepo.spi.ContentSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to publish as one build: a name, a version, 1 to {@link #MAX_FILES} files with distinct
 * paths (no path inside another taken as a directory), and metadata. Build one with {@link
 * #builder}.
 *
 * @param name the build line
 * @param version the version, which names this build for good once published
 * @param files the files, in any order (the manifest sorts them)
 * @param metadata free-form facts recorded in the manifest
 */
public record NewBuild(
    BuildName name, BuildVersion version, List<BuildFile> files, BuildMetadata metadata) {

  /** The most files one build may have. */
  public static final int MAX_FILES = 10_000;

  /** Validates the file set. */
  public NewBuild {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(metadata, "metadata");
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          name + " " + version + ": a build needs at least one file");
    }
    if (files.size() > MAX_FILES) {
      throw new IllegalArgumentException(
          name + " " + version + ": more than " + MAX_FILES + " files");
    }
    Set<String> paths = new HashSet<>();
    for (BuildFile file : files) {
      if (!paths.add(file.path().value())) {
        throw new IllegalArgumentException(
            name + " " + version + ": two files would be " + file.path());
      }
    }
    for (String path : paths) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        String directory = path.substring(0, slash);
        if (paths.contains(directory)) {
          throw new IllegalArgumentException(
              name
                  + " "
                  + version
                  + ": "
                  + directory
                  + " is a file and also a directory of "
                  + path);
        }
      }
    }
  }

  /** Starts a build of {@code name} at {@code version}. */
  public static Builder builder(BuildName name, BuildVersion version) {
    return new Builder(name, version);
  }

  /** Collects the files and metadata of a {@link NewBuild}. */
  public static final class Builder {
    private final BuildName name;
    private final BuildVersion version;
    private final List<BuildFile> files = new ArrayList<>();
    private BuildMetadata metadata = BuildMetadata.empty();

    private Builder(BuildName name, BuildVersion version) {
      this.name = Objects.requireNonNull(name, "name");
      this.version = Objects.requireNonNull(version, "version");
    }

    /** Adds the local file {@code file} as {@code path}. */
    public Builder file(String path, Path file) {
      files.add(BuildFile.of(path, file));
      return this;
    }

    /** Adds {@code content} as {@code path}. */
    public Builder file(String path, ContentSource content) {
      files.add(BuildFile.of(path, content));
      return this;
    }

    /** Adds {@code file}. */
    public Builder file(BuildFile file) {
      files.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /** Sets the metadata {@code key} to {@code value}. */
    public Builder metadata(String key, String value) {
      metadata = metadata.with(key, value);
      return this;
    }

    /** Replaces all metadata with {@code metadata}. */
    public Builder metadata(BuildMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /** The build; throws {@link IllegalArgumentException} when the file set is invalid. */
    public NewBuild build() {
      return new NewBuild(name, version, files, metadata);
    }
  }
}
