package io.pinrepo.pypi.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.fixtures.python.SdistBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.hash.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionReaderTest {

  @TempDir Path dir;
  private final DistributionReader reader = new DistributionReader();

  private MalformedPackageException refused(Path file) {
    return assertThrows(MalformedPackageException.class, () -> reader.read(file));
  }

  @Test
  void readsAWheelsMetadata() throws Exception {
    Path whl =
        WheelBuilder.of("Foo_Bar.baz", "0.3")
            .requiresPython(">=3.8")
            .field("Classifier", "A")
            .field("Classifier", "B")
            .writeTo(dir);
    Distribution d = reader.read(whl);
    assertEquals("foo-bar-baz", d.name().project().value());
    assertEquals("Foo_Bar.baz", d.metadata().name());
    assertEquals(List.of("A", "B"), d.metadata().all("Classifier"));
    assertEquals(Optional.of(">=3.8"), d.metadata().requiresPython());
    assertEquals(Digests.of(Files.readAllBytes(whl)), d.digests());
    assertTrue(d.coreMetadataFile().isPresent());
    assertArrayEquals(d.metadataBytes(), d.coreMetadataFile().get());
  }

  @Test
  void readsSdistsInBothFormats() throws Exception {
    for (SdistBuilder.Format format : SdistBuilder.Format.values()) {
      Path sdist =
          SdistBuilder.of("demo-pin", "1.1.0").format(format).metadataVersion("2.2").writeTo(dir);
      Distribution d = reader.read(sdist);
      assertEquals("demo-pin", d.name().project().value());
      assertEquals("2.2", d.metadata().metadataVersion());
      assertTrue(d.coreMetadataFile().isEmpty());
    }
  }

  @Test
  void refusesAWheelWhoseMetadataNamesAnotherProject() {
    Path whl = write(WheelBuilder.of("demo", "1.0").metadataName("other"));
    assertTrue(refused(whl).problem().contains("Name 'other'"));
  }

  @Test
  void refusesAWheelWhoseMetadataHasAnotherVersion() {
    Path whl = write(WheelBuilder.of("demo", "1.0").fileVersion("1.1"));
    assertTrue(refused(whl).problem().contains("Version"));
  }

  @Test
  void acceptsAnyNormalisationOfNameAndVersion() throws Exception {
    Path whl =
        WheelBuilder.of("demo.pin", "1.0")
            .metadataName("Demo-Pin")
            .fileVersion("1.0.0")
            .writeTo(dir);
    assertEquals("demo-pin", reader.read(whl).metadata().projectName().value());
  }

  @Test
  void refusesAnSdistWhosePkgInfoHasAnotherVersion() {
    Path sdist = write(SdistBuilder.of("demo", "1.0"));
    Path renamed = dir.resolve("demo-2.0.tar.gz");
    try {
      Files.move(sdist, renamed);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(refused(renamed).problem().contains("PKG-INFO"));
  }

  @Test
  void refusesUnsafeEntryNames() {
    for (String bad : List.of("../evil.py", "/etc/evil", "a\\..\\evil", "C:/evil")) {
      Path whl = write(WheelBuilder.of("demo", "1.0").entry(bad, new byte[] {1}));
      assertTrue(refused(whl).problem().contains("unsafe"), bad);
      Path sdist = write(SdistBuilder.of("demo", "1.0").entry(bad, new byte[] {1}));
      assertTrue(refused(sdist).problem().contains("unsafe"), bad);
    }
  }

  @Test
  void refusesMetadataThatInflatesPastTheLimit() throws Exception {
    byte[] bomb = new byte[4 << 20];
    java.util.Arrays.fill(bomb, (byte) 'x');
    byte[] meta =
        ("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n\n"
                + new String(bomb, StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII);
    Path whl = write(WheelBuilder.of("demo", "1.0").rawMetadata(meta));
    assertTrue(Files.size(whl) < 64 * 1024, "the bomb is small on disk");
    DistributionReader small = new DistributionReader(new ReadLimits(1 << 20, 1000, 1L << 30));
    MalformedPackageException e =
        assertThrows(MalformedPackageException.class, () -> small.read(whl));
    assertTrue(e.problem().contains("larger than"), e.getMessage());
  }

  @Test
  void refusesArchivesWithTooManyEntries() {
    WheelBuilder many = WheelBuilder.of("demo", "1.0");
    for (int i = 0; i < 20; i++) {
      many.entry("demo/m" + i + ".py", new byte[0]);
    }
    Path whl = write(many);
    DistributionReader small = new DistributionReader(new ReadLimits(1 << 20, 10, 1L << 30));
    assertThrows(MalformedPackageException.class, () -> small.read(whl));
  }

  @Test
  void refusesAnSdistThatHidesPkgInfoBehindTooManyBytes() {
    Path sdist = write(SdistBuilder.of("demo", "1.0").entry("demo-1.0/big.bin", new byte[2 << 20]));
    DistributionReader small = new DistributionReader(new ReadLimits(1 << 20, 1000, 1 << 20));
    assertThrows(MalformedPackageException.class, () -> small.read(sdist));
  }

  @Test
  void refusesFilesThatAreNotArchives() throws Exception {
    Path whl = dir.resolve("demo-1.0-py3-none-any.whl");
    Files.writeString(whl, "not a zip");
    refused(whl);
    Path sdist = dir.resolve("demo-1.0.tar.gz");
    Files.writeString(sdist, "not gzip");
    refused(sdist);
  }

  @Test
  void refusesAWheelWithoutMetadata() throws Exception {
    Path whl = write(WheelBuilder.of("demo", "1.0"));
    Path other = dir.resolve("x");
    Files.createDirectories(other);
    // a wheel of another project renamed to this one has no matching .dist-info
    Path foreign = WheelBuilder.of("other", "1.0").writeTo(other);
    Files.move(foreign, whl, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertTrue(refused(whl).problem().contains("METADATA"));
  }

  private Path write(WheelBuilder b) {
    try {
      return b.writeTo(Files.createTempDirectory(dir, "w"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path write(SdistBuilder b) {
    try {
      return b.writeTo(Files.createTempDirectory(dir, "s"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
