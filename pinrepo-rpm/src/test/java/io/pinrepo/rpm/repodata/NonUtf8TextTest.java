package io.pinrepo.rpm.repodata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.rpm.header.RpmPackage;
import io.pinrepo.rpm.header.RpmReader;
import io.pinrepo.rpm.header.RpmSurgery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Header text that is not UTF-8 (old packages in ISO-8859-1 or CP-1252) is read as createrepo_c
 * reads it: as ISO-8859-1, without the C1 control bytes.
 */
class NonUtf8TextTest {
  @TempDir Path tmp;

  @Test
  void latin1TextBecomesWhatCreaterepoWrites() throws IOException {
    byte[] rpm =
        RpmBuilder.of("pin-latin", "1.0", "1", "noarch")
            .summary("cafX au lait")
            .description("smart quotes: QopenQ and QcloseQ")
            .changelog(Instant.parse("2026-01-01T12:00:00Z"), "JosX <j@example.org>", "- olX")
            .file("/usr/share/pin-latin/a", "a".getBytes(UTF_8))
            .build();
    byte[] latin =
        new RpmSurgery(rpm)
            .replaceInHeader("cafX", new byte[] {'c', 'a', 'f', (byte) 0xE9})
            .replaceInHeader("QopenQ", new byte[] {(byte) 0x93, 'o', 'p', 'e', 'n', (byte) 0x94})
            .replaceInHeader("JosX", new byte[] {'J', 'o', 's', (byte) 0xE9})
            .resign()
            .bytes();
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path file = repo.resolve("pin-latin-1.0-1.noarch.rpm");
    Files.write(file, latin);
    Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_767_225_600L)));

    RpmPackage pkg = new RpmReader().read(file);
    assertEquals("café au lait", pkg.info().summary());
    assertEquals("smart quotes: open and QcloseQ", pkg.info().description());
    assertEquals("José <j@example.org>", pkg.changelogs().get(0).author());

    Repodata mine =
        Repodata.write(
            List.of(PackageEntry.of(pkg, file.getFileName().toString(), 1_767_225_600L)));
    Createrepo theirs = Createrepo.run(repo);
    assertEquals(new String(theirs.document("primary"), UTF_8), new String(mine.primary(), UTF_8));
    assertEquals(new String(theirs.document("other"), UTF_8), new String(mine.other(), UTF_8));
  }
}
