package io.pinrepo.rpm.repodata;

/** {@code filelists.xml}, byte for byte as createrepo_c 0.17 writes it. */
final class FilelistsXml {
  static final String NAMESPACE = "http://linux.duke.edu/metadata/filelists";
  static final String ROOT = "filelists";

  private FilelistsXml() {}

  static String head(int packages) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"
        + ROOT
        + " xmlns=\""
        + NAMESPACE
        + "\" packages=\""
        + packages
        + "\">\n";
  }

  static String tail() {
    return "</" + ROOT + ">";
  }

  static String entry(PackageEntry e) {
    StringBuilder out = new StringBuilder(256 + 64 * e.files().size());
    packageStart(out, e);
    PrimaryXml.files(out, 2, e.files());
    return out.append("</package>\n").toString();
  }

  /** {@code <package pkgid= name= arch=>} and its version line, shared with other.xml. */
  static void packageStart(StringBuilder out, PackageEntry e) {
    out.append("<package");
    XmlText.attr(out, "pkgid", e.pkgId());
    XmlText.attr(out, "name", e.nevra().name());
    XmlText.attr(out, "arch", e.nevra().arch());
    out.append(">\n");
    PrimaryXml.version(out, 2, e);
  }
}
