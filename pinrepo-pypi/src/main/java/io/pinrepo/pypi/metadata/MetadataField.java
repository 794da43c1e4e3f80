package io.pinrepo.pypi.metadata;

import java.util.Objects;

/**
 * One header of a core metadata file, in the order written.
 *
 * @param name the field name as written, such as {@code Requires-Dist}
 * @param value the value, continuation lines joined with {@code \n}
 */
public record MetadataField(String name, String value) {
  /** Rejects nulls and an empty name. */
  public MetadataField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty field name");
    }
  }
}
