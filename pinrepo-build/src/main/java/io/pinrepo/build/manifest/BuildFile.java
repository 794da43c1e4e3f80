package io.pinrepo.build.manifest;

import io.pinrepo.spi.ContentSource;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to publish in a build: where it goes inside the build and where its bytes come from.
 *
 * @param path its path inside the build
 * @param content its bytes; opened once to hash and once to upload (more on a retry)
 * @param source what to call it in messages, e.g. the local file name
 */
public record BuildFile(BuildPath path, ContentSource content, String source) {

  /** Rejects nulls. */
  public BuildFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(source, "source");
  }

  /** The local file {@code file}, published as {@code path}. */
  public static BuildFile of(String path, Path file) {
    return new BuildFile(BuildPath.of(path), ContentSource.ofPath(file), file.toString());
  }

  /** {@code content}, published as {@code path}. */
  public static BuildFile of(String path, ContentSource content) {
    return new BuildFile(BuildPath.of(path), content, path);
  }
}
