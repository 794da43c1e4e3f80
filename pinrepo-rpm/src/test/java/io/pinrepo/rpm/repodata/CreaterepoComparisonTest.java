package io.pinrepo.rpm.repodata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.rpm.RpmbuildCorpus;
import io.pinrepo.rpm.header.DependencyKind;
import io.pinrepo.rpm.header.RpmReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repodata written for rpmbuild's packages against what the real createrepo_c writes for the
 * same files: field by field, then byte for byte.
 */
class CreaterepoComparisonTest {
  @TempDir static Path tmp;
  private static List<PackageEntry> ours;
  private static Createrepo theirs;

  @BeforeAll
  static void publishTheCorpusBothWays() throws IOException {
    Path root = tmp.resolve("repo");
    ours = new ArrayList<>();
    for (Path file : RpmbuildCorpus.files()) {
      String name = file.getFileName().toString();
      String location = "Packages/" + name.charAt(0) + "/" + name;
      Path copy = root.resolve(location);
      Files.createDirectories(copy.getParent());
      Files.copy(file, copy);
      long mtime = Files.getLastModifiedTime(copy).toInstant().getEpochSecond();
      ours.add(PackageEntry.of(new RpmReader().read(copy), location, mtime));
    }
    theirs = Createrepo.run(root);
  }

  @Test
  void everyPackageMatchesFieldByField() throws IOException {
    Map<String, PackageEntry> byId =
        theirs.entries().stream()
            .collect(Collectors.toMap(PackageEntry::pkgId, Function.identity()));
    assertEquals(ours.size(), byId.size());
    for (PackageEntry mine : ours) {
      PackageEntry cr = byId.get(mine.pkgId());
      String what = mine.location();
      List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
      checks.add(() -> assertEquals(cr.nevra(), mine.nevra(), what + " NEVRA"));
      checks.add(() -> assertEquals(cr.packageSize(), mine.packageSize(), what + " size"));
      checks.add(() -> assertEquals(cr.location(), mine.location(), what + " location"));
      checks.add(() -> assertEquals(cr.headerRange(), mine.headerRange(), what + " range"));
      checks.add(() -> assertEquals(cr.fileTime(), mine.fileTime(), what + " file time"));
      checks.add(() -> assertEquals(cr.info(), mine.info(), what + " description"));
      for (DependencyKind kind : DependencyKind.values()) {
        checks.add(
            () -> assertEquals(cr.dependencies(kind), mine.dependencies(kind), what + " " + kind));
      }
      checks.add(() -> assertEquals(cr.files(), mine.files(), what + " files"));
      checks.add(() -> assertEquals(cr.primaryFiles(), mine.primaryFiles(), what + " primary"));
      checks.add(() -> assertEquals(cr.changelogs(), mine.changelogs(), what + " changelog"));
      checks.add(() -> assertTrue(cr.equals(mine), what + " differs"));
      assertAll(what, checks);
    }
  }

  @Test
  void documentsAreByteForByteWhatCreaterepoWrites() throws IOException {
    Repodata mine = Repodata.write(ours);
    assertEquals(text(theirs.document("primary")), text(mine.primary()));
    assertEquals(text(theirs.document("filelists")), text(mine.filelists()));
    assertEquals(text(theirs.document("other")), text(mine.other()));
  }

  @Test
  void repomdRecordsTheSameContentAndRendersTheSameBytes() throws IOException {
    Repodata mine = Repodata.write(ours);
    List<RepomdRecord> records = new ArrayList<>();
    records.add(compress("primary", mine.primary()));
    records.add(compress("filelists", mine.filelists()));
    records.add(compress("other", mine.other()));
    for (RepomdRecord record : records) {
      RepomdRecord cr = theirs.repomd().record(record.type()).orElseThrow();
      assertEquals(cr.openChecksum(), record.openChecksum(), record.type());
      assertEquals(cr.openSize(), record.openSize(), record.type());
      assertEquals(cr.timestamp(), record.timestamp(), record.type());
    }
    assertEquals(text(theirs.repomdBytes()), text(theirs.repomd().render()));
  }

  @Test
  void entriesReadBackFromCreaterepoRenderTheSameBytes() throws IOException {
    Repodata again = Repodata.write(theirs.entries());
    assertEquals(text(theirs.document("primary")), text(again.primary()));
    assertEquals(text(theirs.document("filelists")), text(again.filelists()));
    assertEquals(text(theirs.document("other")), text(again.other()));
  }

  private static RepomdRecord compress(String type, byte[] xml) throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    MetadataOutput out = MetadataOutput.to(target, type, MetadataCompression.GZIP);
    out.write(xml);
    return out.finish(Createrepo.REVISION);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
