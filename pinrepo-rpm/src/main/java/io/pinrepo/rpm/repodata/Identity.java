package io.pinrepo.rpm.repodata;

import io.pinrepo.MalformedPackageException;

/**
 * How each repodata document names a package: checksum, name, arch and version, as written. The
 * three documents must agree on it, package by package.
 */
record Identity(String pkgId, String name, String arch, String epoch, String ver, String rel) {

  static Identity of(PackageEntry e) {
    return new Identity(
        e.pkgId(),
        e.nevra().name(),
        e.nevra().arch(),
        Long.toString(e.nevra().evr().epoch()),
        e.nevra().evr().version(),
        e.nevra().evr().release());
  }

  /** Reads {@code <package pkgid= name= arch=>} and its {@code <version>} child. */
  static Identity read(XmlCursor c, int depth) throws MalformedPackageException {
    String pkgId = c.required("pkgid");
    String name = c.required("name");
    String arch = c.required("arch");
    if (!"version".equals(c.next(depth))) {
      throw c.bad("package " + name + " does not start with <version>");
    }
    Identity identity =
        new Identity(pkgId, name, arch, c.required("epoch"), c.required("ver"), c.attribute("rel"));
    if (c.next(depth + 1) != null) {
      throw c.bad("<version> of " + name + " has children");
    }
    return identity;
  }

  @Override
  public String toString() {
    return name + "-" + epoch + ":" + ver + "-" + rel + "." + arch + " (" + pkgId + ")";
  }
}
