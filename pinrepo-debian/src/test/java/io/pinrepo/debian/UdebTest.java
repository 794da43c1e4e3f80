package io.pinrepo.debian;

import static io.pinrepo.debian.Repos.deb;
import static io.pinrepo.debian.Repos.source;
import static io.pinrepo.debian.Repos.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** udebs are listed apart, under {@code <component>/debian-installer/}, and keep their name. */
class UdebTest {

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
  private final AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();

  private static List<ControlParagraph> stanzas(InMemoryStorage storage, String key)
      throws Exception {
    return ControlParagraph.parseAll(text(storage, key), key);
  }

  @Test
  void aUdebIsListedInTheDebianInstallerIndexAndKeepsItsName() throws Exception {
    repo.publishSources(
        "stable",
        "main",
        List.of(
            source(DebBuilder.of("di-pin", "1.0", "amd64").udeb()), deb("hello", "1.0", "amd64")));
    List<ControlParagraph> udebs =
        stanzas(storage, "dists/stable/main/debian-installer/binary-amd64/Packages");
    assertEquals(1, udebs.size());
    assertEquals("di-pin", udebs.get(0).require("Package"));
    assertEquals("pool/main/d/di-pin/di-pin_1.0_amd64.udeb", udebs.get(0).require("Filename"));
    assertTrue(storage.peek(ObjectKey.of("pool/main/d/di-pin/di-pin_1.0_amd64.udeb")).isPresent());
    assertFalse(storage.peek(ObjectKey.of("pool/main/d/di-pin/di-pin_1.0_amd64.deb")).isPresent());
    List<ControlParagraph> debs = stanzas(storage, "dists/stable/main/binary-amd64/Packages");
    assertEquals(List.of("hello"), debs.stream().map(p -> p.require("Package")).toList());

    ReleaseFile release = Repos.release(storage, "stable");
    assertTrue(release.files().containsKey("main/debian-installer/binary-amd64/Packages"));
    assertTrue(release.files().containsKey("main/debian-installer/binary-amd64/Packages.gz"));
    assertEquals(List.of("amd64"), List.copyOf(release.architectures()));
    assertEquals(List.of("main"), List.copyOf(release.components()));
    Repos.assertConsistent(storage, "stable");
    assertEquals(List.of(), problems());
  }

  @Test
  void aFileNamedUdebIsAUdebEvenWithoutPackageType() throws Exception {
    DebBuilder plain = DebBuilder.of("di-plain", "2", "arm64");
    byte[] bytes = plain.build();
    repo.publishSources("stable", "main", List.of(named(bytes, "di-plain_2_arm64.udeb")));
    assertEquals(
        "pool/main/d/di-plain/di-plain_2_arm64.udeb",
        stanzas(storage, "dists/stable/main/debian-installer/binary-arm64/Packages")
            .get(0)
            .require("Filename"));
    // The component still has an (empty) index of ordinary packages for apt's 'main' line.
    assertEquals("", text(storage, "dists/stable/main/binary-arm64/Packages"));
  }

  @Test
  void anArchitectureAllUdebIsInEveryArchitecturesInstallerIndex() throws Exception {
    repo.publishSources(
        "stable", "main", List.of(deb("tool", "1", "amd64"), deb("tool", "1", "arm64")));
    repo.publishSources(
        "stable", "main", List.of(source(DebBuilder.of("di-all", "1", "all").udeb())));
    for (String arch : List.of("amd64", "arm64")) {
      String index = "dists/stable/main/debian-installer/binary-" + arch + "/Packages";
      assertEquals(
          List.of("di-all"),
          stanzas(storage, index).stream().map(p -> p.require("Package")).toList());
    }
    // A new architecture gets an installer index too, seeded with the 'all' udebs.
    repo.publishSources("stable", "main", List.of(deb("tool", "1", "i386")));
    assertEquals(
        "di-all",
        stanzas(storage, "dists/stable/main/debian-installer/binary-i386/Packages")
            .get(0)
            .require("Package"));
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void aDebAndAUdebOfOneNameAndVersionDoNotConflict() throws Exception {
    repo.publishSources(
        "stable",
        "main",
        List.of(
            deb("twin", "1.0", "amd64"),
            source(DebBuilder.of("twin", "1.0", "amd64").udeb().file("x", new byte[] {1}))));
    assertEquals(
        List.of("pool/main/t/twin/twin_1.0_amd64.deb", "pool/main/t/twin/twin_1.0_amd64.udeb"),
        repo.list("stable").stream().map(r -> r.file().value()).toList());
    assertEquals(2, repo.remove("stable", "main", PackageSelector.named("twin")).removed().size());
    assertEquals(List.of(), repo.list("stable"));
    assertEquals(List.of(), problems());
  }

  private List<Problem> problems() throws Exception {
    List<Problem> problems = new ArrayList<>();
    repo.format().verify(storage, VerifyContext.unsigned(), problems::add);
    return problems;
  }

  private static io.pinrepo.spi.ContentSource named(byte[] bytes, String name) {
    return new io.pinrepo.spi.ContentSource() {
      @Override
      public java.io.InputStream open() {
        return new java.io.ByteArrayInputStream(bytes);
      }

      @Override
      public java.util.OptionalLong size() {
        return java.util.OptionalLong.of(bytes.length);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
