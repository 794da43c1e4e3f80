package io.pinrepo.pypi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoreMetadataTest {

  private static CoreMetadata parse(String text) throws MalformedPackageException {
    return CoreMetadata.parse("METADATA", text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5"})
  void readsEveryKnownMetadataVersion(String metadataVersion) throws Exception {
    CoreMetadata m =
        parse("Metadata-Version: " + metadataVersion + "\nName: Foo.Bar\nVersion: 1.0\n");
    assertEquals(metadataVersion, m.metadataVersion());
    assertEquals(ProjectName.of("foo-bar"), m.projectName());
    assertEquals("1.0", m.version().toString());
  }

  @Test
  void keepsRepeatedFieldsInOrder() throws Exception {
    CoreMetadata m =
        parse(
            "Metadata-Version: 2.4\nName: x\nVersion: 1\nClassifier: A :: B\n"
                + "Requires-Dist: requests>=2\nClassifier: C :: D\nRequires-Dist: idna; extra == 'x'\n"
                + "License-Expression: MIT\nLicense-File: LICENSE\nLicense-File: NOTICE\n"
                + "Requires-Python: >=3.9\n");
    assertEquals(List.of("A :: B", "C :: D"), m.all("classifier"));
    assertEquals(List.of("requests>=2", "idna; extra == 'x'"), m.all("Requires-Dist"));
    assertEquals(List.of("LICENSE", "NOTICE"), m.all("License-File"));
    assertEquals(Optional.of(">=3.9"), m.requiresPython());
  }

  @Test
  void readsTheDescriptionFromTheBody() throws Exception {
    CoreMetadata m =
        parse(
            "Metadata-Version: 2.1\nName: x\nVersion: 1\nSummary: s\n\n# Title\n\nText: not a header\n");
    assertEquals("# Title\n\nText: not a header\n", m.description());
    assertEquals(Optional.of("s"), m.summary());
  }

  @Test
  void readsAFoldedDescriptionHeader() throws Exception {
    CoreMetadata m =
        parse(
            "Metadata-Version: 1.1\nName: x\nVersion: 1\nDescription: first\n"
                + "        |second\n        |\n        |fourth\nKeywords: a b\n");
    assertEquals("first\nsecond\n\nfourth", m.description());
    assertEquals(Optional.of("a b"), m.first("Keywords"));
  }

  @Test
  void acceptsCrLfLineEnds() throws Exception {
    CoreMetadata m = parse("Metadata-Version: 2.1\r\nName: x\r\nVersion: 2.0\r\n\r\nbody\r\n");
    assertEquals("2.0", m.version().toString());
    assertEquals("body\n", m.description());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.6", "2.10", "2.99"})
  void readsANewerMinorVersionAsTheSpecificationAsks(String metadataVersion) throws Exception {
    CoreMetadata m =
        parse(
            "Metadata-Version: "
                + metadataVersion
                + "\nName: x\nVersion: 1\nImport-Name: x\nSome-Future-Field: y\n");
    assertEquals(metadataVersion, m.metadataVersion());
    assertEquals(Optional.of("y"), m.first("Some-Future-Field"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.0", "3.1", "10.0"})
  void refusesANewerMajorVersion(String metadataVersion) {
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> parse("Metadata-Version: " + metadataVersion + "\nName: x\nVersion: 1\n"));
    assertEquals(
        "Metadata-Version "
            + metadataVersion
            + " is a newer major version than pinrepo reads (up to 2.x)",
        e.problem());
  }

  @ParameterizedTest
  @ValueSource(strings = {"two", "2", "2.4.1", "0.9", "2.x"})
  void refusesAMetadataVersionThatIsNotOne(String metadataVersion) {
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> parse("Metadata-Version: " + metadataVersion + "\nName: x\nVersion: 1\n"));
    assertTrue(e.problem().startsWith("Metadata-Version"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Name: x\nVersion: 1\n",
        "Metadata-Version: 2.1\nVersion: 1\n",
        "Metadata-Version: 2.1\nName: x\n",
        "Metadata-Version: 2.1\nName: -x-\nVersion: 1\n",
        "Metadata-Version: 2.1\nName: x\nVersion: not.a.version\n",
        "Metadata-Version: 2.1\n  continued\nName: x\nVersion: 1\n",
        "Metadata-Version: 2.1\nno colon here\nName: x\nVersion: 1\n",
      })
  void refusesIncompleteOrInvalidMetadata(String text) {
    assertThrows(MalformedPackageException.class, () -> parse(text));
  }

  @Test
  void refusesMetadataThatIsNotUtf8() {
    byte[] latin1 =
        "Metadata-Version: 2.1\nName: x\nVersion: 1\nAuthor: J\u00f6rg\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThrows(MalformedPackageException.class, () -> CoreMetadata.parse("M", latin1));
  }
}
