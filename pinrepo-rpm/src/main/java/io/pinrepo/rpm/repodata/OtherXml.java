package io.pinrepo.rpm.repodata;

import io.pinrepo.rpm.header.ChangelogEntry;

/** {@code other.xml}, byte for byte as createrepo_c 0.17 writes it. */
final class OtherXml {
  static final String NAMESPACE = "http://linux.duke.edu/metadata/other";
  static final String ROOT = "otherdata";

  private OtherXml() {}

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
    StringBuilder out = new StringBuilder(512);
    FilelistsXml.packageStart(out, e);
    for (ChangelogEntry c : e.changelogs()) {
      out.append("  <changelog");
      XmlText.attr(out, "author", c.author());
      XmlText.attr(out, "date", Long.toString(c.time()));
      out.append('>');
      XmlText.text(out, c.text());
      out.append("</changelog>\n");
    }
    return out.append("</package>\n").toString();
  }
}
