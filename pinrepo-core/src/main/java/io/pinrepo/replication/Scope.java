package io.pinrepo.replication;

import java.util.Objects;

/**
 * The part of a repository a scoped replication copies.
 *
 * @param kind the kind of part, as {@link io.pinrepo.format.ScopedFormat#scopeKind()} names it
 * @param name the part's name, as the format spells it
 */
record Scope(String kind, String name) {
  Scope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (!kind.matches("[a-z][a-z-]*")) {
      throw new IllegalArgumentException("not a scope kind: '" + kind + "'");
    }
    if (name.isBlank() || name.contains("\n") || name.contains(" ")) {
      throw new IllegalArgumentException("--" + kind + " '" + name + "': not a name");
    }
  }

  /** How the replica record names it: {@code kind=name}. */
  String label() {
    return kind + "=" + name;
  }
}
