package io.pinrepo.rpm.repodata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Reading repodata back: what it gives, and what it refuses. */
class RepodataReaderTest {
  private static final List<PackageEntry> ENTRIES = Samples.entries();
  private static final Repodata GOOD = write(ENTRIES);

  @Test
  void primaryAloneGivesASummaryOfEachPackage() throws IOException {
    PrimaryReader reader =
        PrimaryReader.open("primary.xml", new ByteArrayInputStream(GOOD.primary()));
    assertEquals(ENTRIES.size(), reader.packages());
    List<PackageSummary> summaries = new ArrayList<>();
    for (Optional<PackageSummary> s = reader.next(); s.isPresent(); s = reader.next()) {
      summaries.add(s.get());
    }
    List<PackageEntry> sorted = new ArrayList<>(ENTRIES);
    sorted.sort(PackageEntry.ORDER);
    assertEquals(sorted.stream().map(PackageSummary::of).toList(), summaries);
  }

  @Test
  void refusesADoctypeAndItsEntities() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<metadata packages=\"9\"><package type=\"rpm\"><name>&x;</name></package></metadata>";
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> readAll(xxe.getBytes(UTF_8), GOOD.filelists(), GOOD.other()));
    assertOneLine(e, "test/primary.xml");
    assertTrue(e.problem().contains("\"x\""), e.getMessage());
  }

  @Test
  void refusesDocumentsThatDisagreeOnAPackage() {
    String other = new String(GOOD.other(), UTF_8).replaceFirst("name=\"pin-a\"", "name=\"pin-x\"");
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> readAll(GOOD.primary(), GOOD.filelists(), other.getBytes(UTF_8)));
    assertOneLine(e, "test/other.xml");
    assertTrue(e.problem().contains("lists pin-x-0:1.0-1.x86_64"), e.getMessage());
  }

  @Test
  void refusesCountsThatDisagree() {
    assertRefused(
        s -> s.replaceFirst("packages=\"9\"", "packages=\"8\""),
        "primary, filelists and other disagree on the number of packages");
  }

  @Test
  void refusesPrimaryFilesThatFilelistsDoesNotHave() {
    assertRefused(
        s -> s.replaceFirst("<file>/etc/pin-a.conf</file>", "<file>/etc/other.conf</file>"),
        "lists other primary files for pin-a");
  }

  @Test
  void refusesLocationsOutsideTheRepository() {
    assertRefused(
        s -> s.replaceFirst("href=\"Packages/p/", "href=\"../../"), "not a safe relative location");
  }

  @Test
  void refusesOtherChecksumTypes() {
    assertRefused(s -> s.replaceFirst("type=\"sha256\"", "type=\"sha1\""), "has a sha1 checksum");
  }

  @Test
  void refusesAPackageCountTheDocumentsDoNotHold() {
    String[] docs = {
      new String(GOOD.primary(), UTF_8).replaceFirst("packages=\"9\"", "packages=\"10\""),
      new String(GOOD.filelists(), UTF_8).replaceFirst("packages=\"9\"", "packages=\"10\""),
      new String(GOOD.other(), UTF_8).replaceFirst("packages=\"9\"", "packages=\"10\""),
    };
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () ->
                readAll(docs[0].getBytes(UTF_8), docs[1].getBytes(UTF_8), docs[2].getBytes(UTF_8)));
    assertTrue(e.problem().contains("announces 10 packages but lists 9"), e.getMessage());
  }

  @Test
  void refusesTruncatedXml() {
    byte[] cut = java.util.Arrays.copyOf(GOOD.primary(), GOOD.primary().length / 2);
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class, () -> readAll(cut, GOOD.filelists(), GOOD.other()));
    assertOneLine(e, "test/primary.xml");
  }

  private static void assertRefused(UnaryOperator<String> primaryEdit, String problem) {
    byte[] primary = primaryEdit.apply(new String(GOOD.primary(), UTF_8)).getBytes(UTF_8);
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> readAll(primary, GOOD.filelists(), GOOD.other()));
    assertOneLine(e, "test");
    assertTrue(e.problem().contains(problem), e.getMessage());
  }

  private static void assertOneLine(MalformedPackageException e, String source) {
    assertTrue(e.getMessage().startsWith(source), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  private static List<PackageEntry> readAll(byte[] primary, byte[] filelists, byte[] other)
      throws IOException {
    return Repodata.read(primary, filelists, other);
  }

  private static Repodata write(List<PackageEntry> entries) {
    try {
      return Repodata.write(entries);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
