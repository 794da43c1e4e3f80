package io.pinrepo.rpm.repodata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.rpm.header.DependencyKind;
import io.pinrepo.rpm.header.FileKind;
import io.pinrepo.rpm.header.HeaderRange;
import io.pinrepo.rpm.header.PackageFile;
import io.pinrepo.rpm.header.PackageInfo;
import io.pinrepo.rpm.version.Nevra;
import io.pinrepo.rpm.version.RpmVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads one {@code <package>} of {@code primary.xml} back. Unknown elements are passed over. */
final class PrimaryParser {
  /**
   * What primary.xml says about a package: all of an entry but its full file list and changelog.
   */
  record Part(
      String pkgId,
      Nevra nevra,
      PackageInfo info,
      long fileTime,
      long packageSize,
      String location,
      HeaderRange headerRange,
      List<DependencyEntry> dependencies,
      List<PackageFile> primaryFiles) {

    Identity identity() {
      RpmVersion evr = nevra.evr();
      return new Identity(
          pkgId,
          nevra.name(),
          nevra.arch(),
          Long.toString(evr.epoch()),
          evr.version(),
          evr.release());
    }
  }

  private final XmlCursor c;
  private String name = "";
  private String arch = "";
  private String epoch = "";
  private String ver = "";
  private String rel = "";
  private String pkgId = "";
  private String summary = "";
  private String description = "";
  private String packager = "";
  private String url = "";
  private long fileTime;
  private long buildTime;
  private long packageSize;
  private long installedSize;
  private long archiveSize;
  private String location = "";
  private String license = "";
  private String vendor = "";
  private String group = "";
  private String buildHost = "";
  private String sourceRpm = "";
  private HeaderRange headerRange;
  private final List<DependencyEntry> dependencies = new ArrayList<>();
  private final List<PackageFile> files = new ArrayList<>();

  private PrimaryParser(XmlCursor c) {
    this.c = c;
  }

  /** Reads the {@code <package>} the cursor is on, through its end. */
  static Part read(XmlCursor c) throws MalformedPackageException {
    if (!"rpm".equals(c.attribute("type"))) {
      throw c.bad("a <package> of type '" + c.attribute("type") + "'");
    }
    return new PrimaryParser(c).parse(c.depth());
  }

  private Part parse(int depth) throws MalformedPackageException {
    for (String child = c.next(depth); child != null; child = c.next(depth)) {
      switch (child) {
        case "name" -> name = c.text();
        case "arch" -> arch = c.text();
        case "version" -> {
          epoch = c.required("epoch");
          ver = c.required("ver");
          rel = c.attribute("rel");
        }
        case "checksum" -> {
          if (!"sha256".equals(c.attribute("type"))) {
            throw c.bad("package " + name + " has a " + c.attribute("type") + " checksum");
          }
          pkgId = c.text();
        }
        case "summary" -> summary = c.text();
        case "description" -> description = c.text();
        case "packager" -> packager = c.text();
        case "url" -> url = c.text();
        case "time" -> {
          fileTime = c.number("file");
          buildTime = c.number("build");
        }
        case "size" -> {
          packageSize = c.number("package");
          installedSize = c.number("installed");
          archiveSize = c.number("archive");
        }
        case "location" -> {
          if (!c.attribute("base").isEmpty()) {
            throw c.bad("package " + name + " has a location with xml:base");
          }
          location = c.required("href");
        }
        case "format" -> format(depth + 1);
        default -> {}
      }
    }
    return part();
  }

  private void format(int depth) throws MalformedPackageException {
    for (String child = c.next(depth); child != null; child = c.next(depth)) {
      switch (child) {
        case "license" -> license = c.text();
        case "vendor" -> vendor = c.text();
        case "group" -> group = c.text();
        case "buildhost" -> buildHost = c.text();
        case "sourcerpm" -> sourceRpm = c.text();
        case "header-range" -> {
          try {
            headerRange = new HeaderRange(c.number("start"), c.number("end"));
          } catch (IllegalArgumentException e) {
            throw c.bad("package " + name + ": " + e.getMessage());
          }
        }
        case "file" -> files.add(file(c));
        default -> {
          DependencyKind kind = dependencyKind(child);
          if (kind != null) {
            dependencies(kind, depth + 1);
          }
        }
      }
    }
  }

  private void dependencies(DependencyKind kind, int depth) throws MalformedPackageException {
    for (String child = c.next(depth); child != null; child = c.next(depth)) {
      if (!child.equals("entry")) {
        continue;
      }
      try {
        String flags = c.attribute("flags");
        dependencies.add(
            new DependencyEntry(
                kind,
                c.required("name"),
                Comparison.ofAttribute(flags),
                c.attribute("epoch"),
                c.attribute("ver"),
                c.attribute("rel"),
                "1".equals(c.attribute("pre"))));
      } catch (IllegalArgumentException e) {
        throw c.bad("package " + name + " has a bad " + kind.elementName() + " entry: " + e);
      }
    }
  }

  /** Reads a {@code <file>} element; shared with filelists.xml. */
  static PackageFile file(XmlCursor c) throws MalformedPackageException {
    String type = c.attribute("type");
    FileKind kind =
        switch (type) {
          case "", "file" -> FileKind.FILE;
          case "dir" -> FileKind.DIR;
          case "ghost" -> FileKind.GHOST;
          default -> throw c.bad("a <file> of type '" + type + "'");
        };
    return new PackageFile(c.text(), kind);
  }

  private static DependencyKind dependencyKind(String element) {
    for (DependencyKind kind : DependencyKind.values()) {
      if (kind.elementName().equals(element.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    return null;
  }

  private Part part() throws MalformedPackageException {
    if (headerRange == null) {
      throw c.bad("package " + name + " has no rpm:header-range");
    }
    try {
      long e = Long.parseLong(epoch);
      Nevra nevra = new Nevra(name, new RpmVersion(e, ver, rel), arch);
      PackageInfo info =
          new PackageInfo(
              summary,
              description,
              url,
              license,
              vendor,
              group,
              buildHost,
              buildTime,
              packager,
              sourceRpm,
              installedSize,
              archiveSize);
      Part part =
          new Part(
              pkgId,
              nevra,
              info,
              fileTime,
              packageSize,
              location,
              headerRange,
              dependencies,
              files);
      PackageEntry.checkPkgId(pkgId);
      PackageEntry.checkLocation(location);
      return part;
    } catch (IllegalArgumentException e) {
      throw c.bad("package '" + name + "': " + e.getMessage());
    }
  }
}
