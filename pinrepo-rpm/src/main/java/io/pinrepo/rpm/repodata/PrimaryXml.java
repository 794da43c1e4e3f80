package io.pinrepo.rpm.repodata;

import io.pinrepo.rpm.header.DependencyKind;
import io.pinrepo.rpm.header.FileKind;
import io.pinrepo.rpm.header.PackageFile;
import io.pinrepo.rpm.header.PackageInfo;
import java.util.List;

/** {@code primary.xml}, byte for byte as createrepo_c 0.17 writes it. */
final class PrimaryXml {
  static final String NAMESPACE = "http://linux.duke.edu/metadata/common";
  static final String RPM_NAMESPACE = "http://linux.duke.edu/metadata/rpm";
  static final String ROOT = "metadata";

  /** The order the dependency lists appear in. */
  static final List<DependencyKind> DEPENDENCY_ORDER =
      List.of(
          DependencyKind.PROVIDES,
          DependencyKind.REQUIRES,
          DependencyKind.CONFLICTS,
          DependencyKind.OBSOLETES,
          DependencyKind.SUGGESTS,
          DependencyKind.ENHANCES,
          DependencyKind.RECOMMENDS,
          DependencyKind.SUPPLEMENTS);

  private PrimaryXml() {}

  static String head(int packages) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"
        + ROOT
        + " xmlns=\""
        + NAMESPACE
        + "\" xmlns:rpm=\""
        + RPM_NAMESPACE
        + "\" packages=\""
        + packages
        + "\">\n";
  }

  static String tail() {
    return "</" + ROOT + ">";
  }

  static String entry(PackageEntry e) {
    StringBuilder out = new StringBuilder(2048);
    PackageInfo info = e.info();
    out.append("<package type=\"rpm\">\n");
    XmlText.element(out, 2, "name", e.nevra().name());
    XmlText.element(out, 2, "arch", e.nevra().arch());
    version(out, 2, e);
    out.append("  <checksum type=\"sha256\" pkgid=\"YES\">")
        .append(e.pkgId())
        .append("</checksum>\n");
    XmlText.element(out, 2, "summary", info.summary());
    XmlText.element(out, 2, "description", info.description());
    XmlText.element(out, 2, "packager", info.packager());
    XmlText.element(out, 2, "url", info.url());
    out.append("  <time file=\"").append(e.fileTime());
    out.append("\" build=\"").append(info.buildTime()).append("\"/>\n");
    out.append("  <size package=\"").append(e.packageSize());
    out.append("\" installed=\"").append(info.installedSize());
    out.append("\" archive=\"").append(info.archiveSize()).append("\"/>\n");
    XmlText.attr(out.append("  <location"), "href", e.location()).append("/>\n");
    out.append("  <format>\n");
    XmlText.element(out, 4, "rpm:license", info.license());
    XmlText.element(out, 4, "rpm:vendor", info.vendor());
    XmlText.element(out, 4, "rpm:group", info.group());
    XmlText.element(out, 4, "rpm:buildhost", info.buildHost());
    XmlText.element(out, 4, "rpm:sourcerpm", info.sourceRpm());
    out.append("    <rpm:header-range start=\"").append(e.headerRange().start());
    out.append("\" end=\"").append(e.headerRange().end()).append("\"/>\n");
    for (DependencyKind kind : DEPENDENCY_ORDER) {
      dependencies(out, e.dependencies(kind), "rpm:" + kind.elementName());
    }
    files(out, 4, e.primaryFiles());
    out.append("  </format>\n</package>\n");
    return out.toString();
  }

  /** {@code <version epoch= ver= rel=/>}, shared by the three documents. */
  static void version(StringBuilder out, int indent, PackageEntry e) {
    out.append(" ".repeat(indent)).append("<version");
    XmlText.attr(out, "epoch", Long.toString(e.nevra().evr().epoch()));
    XmlText.attr(out, "ver", e.nevra().evr().version());
    XmlText.attr(out, "rel", e.nevra().evr().release());
    out.append("/>\n");
  }

  /** {@code <file type=...>path</file>} lines, shared with filelists. */
  static void files(StringBuilder out, int indent, List<PackageFile> files) {
    for (PackageFile f : files) {
      out.append(" ".repeat(indent)).append("<file");
      if (f.kind() != FileKind.FILE) {
        XmlText.attr(out, "type", f.kind().name().toLowerCase(java.util.Locale.ROOT));
      }
      out.append('>');
      XmlText.text(out, f.path());
      out.append("</file>\n");
    }
  }

  private static void dependencies(StringBuilder out, List<DependencyEntry> list, String element) {
    if (list.isEmpty()) {
      return;
    }
    out.append("    <").append(element).append(">\n");
    for (DependencyEntry d : list) {
      XmlText.attr(out.append("      <rpm:entry"), "name", d.name());
      if (d.comparison() != Comparison.NONE) {
        XmlText.attr(out, "flags", d.comparison().name());
        optional(out, "epoch", d.epoch());
        optional(out, "ver", d.version());
        optional(out, "rel", d.release());
      }
      if (d.pre()) {
        out.append(" pre=\"1\"");
      }
      out.append("/>\n");
    }
    out.append("    </").append(element).append(">\n");
  }

  private static void optional(StringBuilder out, String name, String value) {
    if (!value.isEmpty()) {
      XmlText.attr(out, name, value);
    }
  }
}
