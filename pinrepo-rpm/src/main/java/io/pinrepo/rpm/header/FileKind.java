package io.pinrepo.rpm.header;

/** How repodata lists a file of a package. */
public enum FileKind {
  /** Anything that is neither a directory nor a ghost: regular files, symbolic links, devices. */
  FILE,
  /** A directory the package owns. */
  DIR,
  /** A file the package owns but does not ship ({@code %ghost}). */
  GHOST
}
