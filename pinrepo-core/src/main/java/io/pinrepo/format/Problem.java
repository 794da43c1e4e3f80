package io.pinrepo.format;

import io.pinrepo.spi.ObjectKey;
import java.util.Objects;

/**
 * One thing wrong in a repository.
 *
 * @param format the format that found it ({@link RepositoryFormat#name()})
 * @param key the object concerned
 * @param description what is wrong, one line
 */
public record Problem(String format, ObjectKey key, String description) {

  /** Rejects nulls and multi-line descriptions. */
  public Problem {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(description, "description");
    if (description.contains("\n")) {
      throw new IllegalArgumentException("description must be one line: " + description);
    }
  }

  @Override
  public String toString() {
    return format + ": " + key + ": " + description;
  }
}
