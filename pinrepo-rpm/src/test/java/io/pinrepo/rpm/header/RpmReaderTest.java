package io.pinrepo.rpm.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.hash.Digests;
import io.pinrepo.rpm.RpmbuildCorpus;
import io.pinrepo.rpm.version.Nevra;
import io.pinrepo.rpm.version.RpmVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field the reader returns, compared with what the real rpm says about the same file. */
class RpmReaderTest {
  private static final Map<DependencyKind, String> RPM_TAG_PREFIX =
      Map.of(
          DependencyKind.PROVIDES, "PROVIDE",
          DependencyKind.REQUIRES, "REQUIRE",
          DependencyKind.CONFLICTS, "CONFLICT",
          DependencyKind.OBSOLETES, "OBSOLETE",
          DependencyKind.SUGGESTS, "SUGGEST",
          DependencyKind.ENHANCES, "ENHANCE",
          DependencyKind.RECOMMENDS, "RECOMMEND",
          DependencyKind.SUPPLEMENTS, "SUPPLEMENT");

  static Stream<Path> corpus() {
    return RpmbuildCorpus.files().stream();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void readsIdentityAndDescriptionAsRpmDoes(Path file) throws IOException {
    RpmPackage pkg = new RpmReader().read(file);
    List<String> s =
        new RpmQuery(file)
            .scalars(
                "NAME",
                "EPOCHNUM",
                "VERSION",
                "RELEASE",
                "ARCH",
                "SOURCEPACKAGE",
                "SUMMARY",
                "DESCRIPTION",
                "URL",
                "LICENSE",
                "VENDOR",
                "GROUP",
                "BUILDHOST",
                "BUILDTIME",
                "PACKAGER",
                "SOURCERPM",
                "LONGSIZE",
                "LONGARCHIVESIZE");
    boolean source = s.get(5).equals("1");
    assertEquals(source, pkg.sourcePackage());
    assertEquals(file.getFileName().toString().endsWith(".src.rpm"), source);
    RpmVersion evr = new RpmVersion(Long.parseLong(s.get(1)), s.get(2), s.get(3));
    assertEquals(new Nevra(s.get(0), evr, source ? "src" : s.get(4)), pkg.nevra());
    PackageInfo i = pkg.info();
    List<String> actual =
        List.of(
            i.summary(),
            i.description(),
            i.url(),
            i.license(),
            i.vendor(),
            i.group(),
            i.buildHost(),
            Long.toString(i.buildTime()),
            i.packager(),
            i.sourceRpm(),
            Long.toString(i.installedSize()),
            Long.toString(i.archiveSize()));
    assertEquals(s.subList(6, s.size()), actual);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void readsEveryDependencyWithItsFlagsAndVersion(Path file) throws IOException {
    RpmPackage pkg = new RpmReader().read(file);
    RpmQuery rpm = new RpmQuery(file);
    for (DependencyKind kind : DependencyKind.values()) {
      String tag = RPM_TAG_PREFIX.get(kind);
      List<List<String>> expected = rpm.rows(tag + "NAME", tag + "FLAGS", tag + "VERSION");
      List<List<String>> actual = new ArrayList<>();
      for (Dependency d : pkg.dependencies(kind)) {
        actual.add(List.of(d.name(), Integer.toUnsignedString(d.flags()), d.version()));
      }
      assertEquals(expected, actual, kind + " of " + file.getFileName());
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void readsFilesWithTheirKinds(Path file) throws IOException {
    RpmPackage pkg = new RpmReader().read(file);
    List<PackageFile> expected = new ArrayList<>();
    for (List<String> row : new RpmQuery(file).rows("FILENAMES", "FILEMODES", "FILEFLAGS")) {
      int mode = Integer.parseInt(row.get(1));
      int flags = Integer.parseInt(row.get(2));
      FileKind kind =
          (mode & 0170000) == 0040000
              ? FileKind.DIR
              : (flags & 64) != 0 ? FileKind.GHOST : FileKind.FILE;
      expected.add(new PackageFile(row.get(0), kind));
    }
    assertEquals(expected, pkg.files());
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void readsTheChangelogNewestFirst(Path file) throws IOException {
    RpmPackage pkg = new RpmReader().read(file);
    List<ChangelogEntry> expected = new ArrayList<>();
    for (List<String> row :
        new RpmQuery(file).rows("CHANGELOGTIME", "CHANGELOGNAME", "CHANGELOGTEXT")) {
      expected.add(new ChangelogEntry(Long.parseLong(row.get(0)), row.get(1), row.get(2)));
    }
    assertEquals(expected, pkg.changelogs());
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void headerRangeHoldsExactlyTheHeaderRpmDigested(Path file) throws IOException {
    RpmPackage pkg = new RpmReader().read(file);
    byte[] bytes = Files.readAllBytes(file);
    HeaderRange range = pkg.headerRange();
    byte[] header = Arrays.copyOfRange(bytes, (int) range.start(), (int) range.end());
    String sha256 = new RpmQuery(file).scalars("SHA256HEADER").get(0);
    assertEquals(sha256, Digests.of(header).sha256());
    assertEquals(Digests.of(bytes), pkg.digests());
  }

  @Test
  void readsFromAStreamAsFromAFile() throws IOException {
    Path file = RpmbuildCorpus.file("pin-rich-1.2~beta^git1-4.el9.x86_64.rpm");
    RpmPackage fromFile = new RpmReader().read(file);
    RpmPackage fromStream =
        new RpmReader().read("rich.rpm", new ByteArrayInputStream(Files.readAllBytes(file)));
    assertEquals(fromFile, fromStream);
  }

  @Test
  void recognisesSourcePackages() throws IOException {
    RpmPackage src = new RpmReader().read(RpmbuildCorpus.file("pin-hello-2.0~rc1-1.src.rpm"));
    assertTrue(src.sourcePackage());
    assertEquals("pin-hello-1:2.0~rc1-1.src", src.nevra().toString());
    assertEquals("", src.info().sourceRpm());
    assertEquals(List.of(new PackageFile("pin-hello.spec", FileKind.FILE)), src.files());
  }
}
