package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.deb.DebBuilder.Compression;
import io.pinrepo.hash.Digests;
import io.pinrepo.testkit.clients.Programs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DebPackageTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Compression.class)
  void readsControlVerbatimWhateverTheControlCompression(Compression compression)
      throws IOException {
    DebBuilder builder =
        DebBuilder.of("hello", "1:2.0~rc1-1", "amd64")
            .field("Depends", "libc6 (>= 2.17),\n libfoo")
            .controlCompression(compression)
            .dataCompression(compression);
    byte[] bytes = builder.build();
    DebPackage deb = read(bytes);
    assertEquals(builder.controlText(), deb.control().toString());
    assertEquals("hello", deb.name());
    assertEquals(DebianVersion.parse("1:2.0~rc1-1"), deb.version());
    assertEquals("hello_2.0~rc1-1_amd64.deb", deb.fileName());
    assertEquals(Digests.of(bytes), deb.digests());
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void dpkgAcceptsWhatTheBuilderMakes(Compression compression) throws IOException {
    Programs.require("dpkg-deb");
    DebBuilder builder =
        DebBuilder.of("pin-built", "0.5", "all")
            .controlCompression(compression)
            .dataCompression(compression);
    Path file = builder.writeTo(tmp);
    Programs.Result info = Programs.run(tmp, "dpkg-deb", "--info", file.toString()).orFail();
    assertTrue(info.out().contains("Package: pin-built"), info.out());
    Programs.Result contents =
        Programs.run(tmp, "dpkg-deb", "--contents", file.toString()).orFail();
    assertTrue(contents.out().contains("./usr/share/doc/pin-built/README"), contents.out());
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "GZIP", "XZ", "ZSTD"})
  void readsPackagesBuiltByDpkgDeb(Compression compression) throws IOException {
    Programs.require("dpkg-deb");
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("DEBIAN"));
    Files.createDirectories(root.resolve("usr/share/x"));
    Files.writeString(root.resolve("usr/share/x/f"), "payload\n");
    String control =
        "Package: from-dpkg\nVersion: 2.0-1\nArchitecture: amd64\n"
            + "Maintainer: T <t@example.org>\nDescription: built by dpkg-deb\n more text\n";
    Files.writeString(root.resolve("DEBIAN/control"), control);
    String z = compression == Compression.ZSTD ? "zstd" : compression.name().toLowerCase();
    Path deb = tmp.resolve("from-dpkg.deb");
    Programs.run(
            tmp, "dpkg-deb", "-Z" + z, "--root-owner-group", "-b", root.toString(), deb.toString())
        .orFail();
    DebPackage read;
    try (InputStream in = Files.newInputStream(deb)) {
      read = DebPackage.read(in, deb.toString());
    }
    assertEquals(control, read.control().toString());
    assertEquals(Digests.of(Files.readAllBytes(deb)), read.digests());
  }

  @Test
  void readingXzPackagesReusesTheDecoderDictionaries() throws IOException {
    // dpkg-deb's xz names an 8 MiB dictionary, which a decoder allocates whole, even for a control
    // archive of a few hundred bytes: a bulk publish of xz packages zeroed 16 MiB per package.
    byte[] bytes =
        DebBuilder.of("xz-both", "1.0", "amd64")
            .controlCompression(Compression.XZ)
            .dataCompression(Compression.XZ)
            .build();
    read(bytes); // the first read fills the cache
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 8; i++) {
      assertEquals("xz-both", read(bytes).name());
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 8 << 20, "8 reads allocated " + allocated + " bytes");
  }

  @Test
  void refusesWhatIsNotADeb() {
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () ->
                DebPackage.read(
                    new ByteArrayInputStream("not an archive".getBytes(StandardCharsets.UTF_8)),
                    "junk.deb"));
    assertTrue(e.getMessage().startsWith("junk.deb: "), e.getMessage());
  }

  @Test
  void refusesAControlWithoutAValidVersion() {
    byte[] bytes =
        DebBuilder.of("x", "1.0", "amd64")
            .rawControl("Package: xy\nVersion: not-a-version\nArchitecture: amd64\n")
            .build();
    MalformedPackageException e = assertThrows(MalformedPackageException.class, () -> read(bytes));
    assertTrue(e.getMessage().contains("not-a-version"), e.getMessage());
  }

  @Test
  void refusesAControlFileOverOneMebibyte() {
    String huge =
        "Package: xy\nVersion: 1\nArchitecture: amd64\nDescription: big\n"
            + " padding padding padding padding padding padding padding padding\n".repeat(20_000);
    byte[] bytes = DebBuilder.of("xy", "1", "amd64").rawControl(huge).build();
    MalformedPackageException e = assertThrows(MalformedPackageException.class, () -> read(bytes));
    assertTrue(e.getMessage().contains("at most 1 MiB"), e.getMessage());
  }

  @Test
  void refusesATruncatedPackage() {
    byte[] bytes = DebBuilder.of("x", "1.0", "amd64").build();
    byte[] cut = Arrays.copyOf(bytes, 120);
    assertThrows(MalformedPackageException.class, () -> read(cut));
  }

  private static DebPackage read(byte[] bytes) throws IOException {
    return DebPackage.read(new ByteArrayInputStream(bytes), "test.deb");
  }
}
