package io.pinrepo.rpm.header;

import java.util.Objects;

/**
 * One relation as the header states it: a name, rpm's sense flags and the version it is compared
 * with ({@code [E:]V[-R]}, empty when unversioned).
 *
 * @param kind provides, requires, ...
 * @param name what it names: a package, a capability such as {@code libc.so.6()(64bit)} or a path
 * @param flags rpm's {@code RPMSENSE_*} bits: the comparison ({@link #LESS}, {@link #GREATER},
 *     {@link #EQUAL}) and qualifiers such as {@link #SCRIPT_PRE}
 * @param version the version compared with, or "" when unversioned
 */
public record Dependency(DependencyKind kind, String name, int flags, String version) {
  /** {@code RPMSENSE_LESS}. */
  public static final int LESS = 1 << 1;

  /** {@code RPMSENSE_GREATER}. */
  public static final int GREATER = 1 << 2;

  /** {@code RPMSENSE_EQUAL}. */
  public static final int EQUAL = 1 << 3;

  /** {@code RPMSENSE_PREREQ}: the legacy {@code PreReq:}. */
  public static final int PREREQ = 1 << 6;

  /** {@code RPMSENSE_SCRIPT_PRE}: {@code Requires(pre):}. */
  public static final int SCRIPT_PRE = 1 << 9;

  /** {@code RPMSENSE_SCRIPT_POST}: {@code Requires(post):}. */
  public static final int SCRIPT_POST = 1 << 10;

  /** {@code RPMSENSE_MISSINGOK}: a requirement that may be missing (a legacy weak dependency). */
  public static final int MISSINGOK = 1 << 19;

  /** {@code RPMSENSE_RPMLIB}: an {@code rpmlib(...)} feature of rpm itself. */
  public static final int RPMLIB = 1 << 24;

  /**
   * {@code RPMSENSE_STRONG}: in the legacy suggests/enhances tags, marks a recommends/supplements.
   */
  public static final int STRONG = 1 << 27;

  /** Checks for null. */
  public Dependency {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /** Whether every bit of {@code sense} is set in {@link #flags()}. */
  public boolean has(int sense) {
    return (flags & sense) == sense;
  }

  /**
   * Whether this is a requirement that must hold before the package's scripts run ({@code PreReq},
   * {@code Requires(pre)} or {@code Requires(post)}): what {@code pre="1"} says in {@code
   * primary.xml}.
   */
  public boolean pre() {
    return kind == DependencyKind.REQUIRES && (flags & (PREREQ | SCRIPT_PRE | SCRIPT_POST)) != 0;
  }
}
