package io.pinrepo.rpm.header;

import java.util.Objects;

/**
 * One {@code %changelog} entry.
 *
 * @param time seconds since the epoch (the header stores a day, at noon UTC)
 * @param author the author line, as written after the date
 * @param text the entry's text
 */
public record ChangelogEntry(long time, String author, String text) {
  /** Checks for null. */
  public ChangelogEntry {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
  }
}
