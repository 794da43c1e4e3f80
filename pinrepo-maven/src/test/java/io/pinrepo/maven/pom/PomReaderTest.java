package io.pinrepo.maven.pom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PomReaderTest {

  @TempDir Path dir;

  @Test
  void readsCoordinatesPackagingAndName() throws IOException {
    Pom pom =
        read(
            """
            <?xml version="1.0"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <groupId>com.example</groupId><artifactId>demo</artifactId>
              <version>1.0</version><packaging>maven-plugin</packaging><name>Demo &amp; co</name>
              <dependencies><dependency><groupId>x</groupId><version>9</version></dependency>
              </dependencies>
            </project>""");
    assertEquals(new Pom("com.example", "demo", "1.0", "maven-plugin", "Demo & co"), pom);
  }

  @Test
  void inheritsGroupIdAndVersionFromTheParentAndDefaultsPackagingToJar() throws IOException {
    Pom pom =
        read(
            "<project><parent><groupId>g.p</groupId><artifactId>p</artifactId>"
                + "<version>7</version></parent><artifactId>c</artifactId></project>");
    assertEquals(new Pom("g.p", "c", "7", "jar", ""), pom);
  }

  @Test
  void bytesNotInTheDeclaredEncodingAreRefusedWithoutTheParserPrintingAnything()
      throws IOException {
    byte[] bytes =
        "<project><name>caf\u00e9</name></project>".getBytes(StandardCharsets.ISO_8859_1);
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
    MalformedPackageException e;
    try {
      e =
          assertThrows(
              MalformedPackageException.class,
              () -> PomReader.read("x.pom", new ByteArrayInputStream(bytes)));
    } finally {
      System.setErr(stderr);
    }
    assertTrue(e.getMessage().startsWith("x.pom: is not valid UTF-8 text"), e.getMessage());
    assertEquals("", printed.toString(StandardCharsets.UTF_8));

    byte[] latin1 =
        ("<?xml version='1.0' encoding='ISO-8859-1'?><project><artifactId>a</artifactId>"
                + "<name>caf\u00e9</name></project>")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("caf\u00e9", PomReader.read("y.pom", new ByteArrayInputStream(latin1)).name());
    byte[] bom =
        ("\ufeff<project><artifactId>b</artifactId></project>").getBytes(StandardCharsets.UTF_8);
    assertEquals("b", PomReader.read("z.pom", new ByteArrayInputStream(bom)).artifactId());
  }

  @Test
  void refusesADoctypeEvenWithoutEntities() {
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> read("<!DOCTYPE project><project><artifactId>a</artifactId></project>"));
    assertTrue(e.getMessage().startsWith("test.pom: "), e.getMessage());
  }

  @Test
  void neverReadsAnExternalEntity() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><project><artifactId>&x;</artifactId></project>";
    MalformedPackageException e = assertThrows(MalformedPackageException.class, () -> read(xxe));
    assertTrue(!e.getMessage().contains("TOP-SECRET"), e.getMessage());
  }

  @Test
  void refusesInternalEntityExpansion() {
    String bomb =
        "<!DOCTYPE project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
            + "<project><artifactId>&b;</artifactId></project>";
    assertThrows(MalformedPackageException.class, () -> read(bomb));
  }

  @Test
  void refusesAPomLargerThanTheBound() {
    byte[] big = new byte[PomReader.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> PomReader.read("big.pom", new ByteArrayInputStream(big)));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
  }

  @Test
  void refusesOtherRootsAndMissingArtifactIds() {
    assertThrows(MalformedPackageException.class, () -> read("<metadata/>"));
    assertThrows(
        MalformedPackageException.class, () -> read("<project><groupId>g</groupId></project>"));
    assertThrows(MalformedPackageException.class, () -> read("<project><artifactId>a</project>"));
  }

  private static Pom read(String xml) throws IOException {
    return PomReader.read(
        "test.pom", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
