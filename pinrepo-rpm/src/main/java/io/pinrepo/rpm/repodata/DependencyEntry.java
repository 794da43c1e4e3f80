package io.pinrepo.rpm.repodata;

import io.pinrepo.rpm.header.DependencyKind;
import java.util.Objects;

/**
 * One {@code rpm:entry} of {@code primary.xml}: a relation as repodata states it. Parts of the
 * version that are absent are the empty string; an unversioned entry has none of them.
 *
 * @param kind provides, requires, ...
 * @param name what it names; not empty
 * @param comparison how the version is compared; {@link Comparison#NONE} for none
 * @param epoch the epoch, "" when absent (createrepo_c writes "0" for a version without one)
 * @param version the version, "" when absent
 * @param release the release, "" when absent
 * @param pre for a requirement, whether it must hold before the package's scripts run ({@code
 *     pre="1"}); always false for other kinds
 */
public record DependencyEntry(
    DependencyKind kind,
    String name,
    Comparison comparison,
    String epoch,
    String version,
    String release,
    boolean pre) {

  /** Checks for null, a name, and drops the version of an unversioned entry (it is not written). */
  public DependencyEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(release, "release");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty dependency name");
    }
    if (comparison == Comparison.NONE) {
      epoch = "";
      version = "";
      release = "";
    }
    if (pre && kind != DependencyKind.REQUIRES) {
      throw new IllegalArgumentException("only requirements can be pre: " + name);
    }
  }

  /** An unversioned entry. */
  public static DependencyEntry of(DependencyKind kind, String name) {
    return new DependencyEntry(kind, name, Comparison.NONE, "", "", "", false);
  }
}
