package io.pinrepo.build;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a name's builds, newest first.
 *
 * @param builds the builds on this page
 * @param next the cursor to pass to {@link
 *     BuildRepository#list(io.pinrepo.build.manifest.BuildName, int, String)} for the next page;
 *     empty on the last page
 */
public record BuildPage(List<BuildRef> builds, Optional<String> next) {
  /** Copies the list. */
  public BuildPage {
    builds = List.copyOf(builds);
    Objects.requireNonNull(next, "next");
  }
}
