package io.pinrepo.rpm.header;

/** The relations an RPM package declares, in the order createrepo_c reads them. */
public enum DependencyKind {
  /** What the package provides (its own name always among them). */
  PROVIDES,
  /** What cannot be installed together with it. */
  CONFLICTS,
  /** What it replaces: installing it removes them. */
  OBSOLETES,
  /** What it needs; see {@link Dependency#pre()} for install-time requirements. */
  REQUIRES,
  /** Weak forward dependency, not installed by default. */
  SUGGESTS,
  /** Weak reverse dependency, not installed by default. */
  ENHANCES,
  /** Weak forward dependency, installed by default when available. */
  RECOMMENDS,
  /** Weak reverse dependency, installed by default when available. */
  SUPPLEMENTS;

  /** The element name in {@code primary.xml}, without the {@code rpm:} prefix. */
  public String elementName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
