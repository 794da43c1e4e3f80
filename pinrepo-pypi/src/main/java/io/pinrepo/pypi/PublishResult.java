package io.pinrepo.pypi;

import java.util.List;
import java.util.Objects;

/**
 * What publishing one file did.
 *
 * @param project the project the file belongs to
 * @param fileName the file's name
 * @param alreadyPublished true when the same bytes were already listed (nothing changed)
 * @param dropped files that the retention policy removed from the index in the same commit
 */
public record PublishResult(
    ProjectName project, String fileName, boolean alreadyPublished, List<String> dropped) {
  /** Copies the list. */
  public PublishResult {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(fileName, "fileName");
    dropped = List.copyOf(dropped);
  }
}
