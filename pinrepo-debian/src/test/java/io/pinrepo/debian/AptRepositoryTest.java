package io.pinrepo.debian;

import static io.pinrepo.debian.Repos.deb;
import static io.pinrepo.debian.Repos.source;
import static io.pinrepo.debian.Repos.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AptRepositoryTest {

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);

  private AptRepository.Builder builder() {
    return AptRepository.builder(storage).clock(Repos.CLOCK);
  }

  private static List<String> names(List<PackageRef> refs) {
    return refs.stream().map(PackageRef::toString).toList();
  }

  @Test
  void keepsEveryVersionByDefault() throws Exception {
    AptRepository repo = builder().build();
    repo.publishSources("stable", "main", List.of(deb("hello", "1.0-1", "amd64")));
    ChangeReport<PackageRef> report =
        repo.publishSources("stable", "main", List.of(deb("hello", "1.0-2", "amd64")));
    assertEquals(List.of("hello 1.0-2 amd64"), names(report.added()));
    assertEquals(List.of("hello 1.0-1 amd64", "hello 1.0-2 amd64"), names(repo.list("stable")));
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void putsPackagesInThePoolBySource() throws Exception {
    AptRepository repo = builder().build();
    repo.publishSources(
        "stable",
        "main",
        List.of(
            deb("libpin1", "1.0", "amd64"),
            source(DebBuilder.of("pin-bin", "2.0", "amd64").field("Source", "pin (2.0-1)"))));
    List<String> files = repo.list("stable").stream().map(r -> r.file().value()).toList();
    assertEquals(
        List.of(
            "pool/main/libp/libpin1/libpin1_1.0_amd64.deb",
            "pool/main/p/pin/pin-bin_2.0_amd64.deb"),
        files);
    for (String file : files) {
      assertTrue(storage.peek(ObjectKey.of(file)).isPresent(), file);
    }
  }

  @Test
  void republishingTheSameBytesChangesNothing() throws Exception {
    AptRepository repo = builder().build();
    ContentSource hello = deb("hello", "1.0", "amd64");
    repo.publishSources("stable", "main", List.of(hello));
    Map<String, byte[]> before = storage.snapshot();
    ChangeReport<PackageRef> again = repo.publishSources("stable", "main", List.of(hello));
    assertFalse(again.committed());
    assertEquals(List.of("hello 1.0 amd64"), names(again.unchanged()));
    assertEquals(before.keySet(), storage.snapshot().keySet());
  }

  @Test
  void refusesOtherBytesForAListedNameVersionAndArchitecture() throws Exception {
    AptRepository repo = builder().build();
    repo.publishSources("stable", "main", List.of(deb("hello", "1.0", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    // 1.0-0 is the same version as 1.0 in dpkg's order.
    ContentSource rebuilt =
        source(DebBuilder.of("hello", "1.0-0", "amd64").file("extra", new byte[] {1}));
    PackageConflictException e =
        assertThrows(
            PackageConflictException.class,
            () -> repo.publishSources("stable", "main", List.of(rebuilt)));
    assertTrue(
        e.getMessage().contains("hello 1.0 (amd64) is already in stable/main"), e.getMessage());
    assertEquals(
        text(storage, "dists/stable/Release"),
        new String(before.get("dists/stable/Release"), StandardCharsets.UTF_8));
  }

  @Test
  void refusesABatchWithMalformedFilesBeforeWritingAnything() throws Exception {
    AptRepository repo = builder().build();
    repo.publishSources("stable", "main", List.of(deb("hello", "1.0", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    ContentSource good = deb("good", "1.0", "amd64");
    List<ContentSource> batch = List.of(good, junk("bad1.deb"), junk("bad2.deb"));
    RefusedBatchException e =
        assertThrows(
            RefusedBatchException.class, () -> repo.publishSources("stable", "main", batch));
    assertEquals(
        List.of("bad1.deb", "bad2.deb"),
        e.causes().stream().map(c -> ((MalformedPackageException) c).source()).toList());
    assertTrue(e.getMessage().endsWith("(and 1 more)"), e.getMessage());
    assertSameBytes(before, storage.snapshot());

    MalformedPackageException one =
        assertThrows(
            MalformedPackageException.class,
            () -> repo.publishSources("stable", "main", List.of(good, junk("bad.deb"))));
    assertEquals("bad.deb", one.source());
    assertSameBytes(before, storage.snapshot());
  }

  @Test
  void refusesABatchNamingEveryConflict() throws Exception {
    AptRepository repo = builder().build();
    repo.publishSources(
        "stable", "main", List.of(deb("hello", "1.0", "amd64"), deb("doc", "1", "all")));
    String release = text(storage, "dists/stable/Release");
    List<ContentSource> rebuilt =
        List.of(
            source(DebBuilder.of("hello", "1.0", "amd64").file("extra", new byte[] {1})),
            source(DebBuilder.of("doc", "1", "all").file("extra", new byte[] {1})),
            deb("new", "1", "amd64"));
    RefusedBatchException e =
        assertThrows(
            RefusedBatchException.class, () -> repo.publishSources("stable", "main", rebuilt));
    assertEquals(2, e.causes().size(), e.causes()::toString);
    assertTrue(
        e.causes().get(0).getMessage().startsWith("hello_1.0_amd64.deb: hello 1.0 (amd64)"),
        e.getMessage());
    assertTrue(
        e.causes().get(1).getMessage().startsWith("doc_1_all.deb: doc 1 (all)"), e.getMessage());
    assertTrue(e.causes().stream().allMatch(c -> c instanceof PackageConflictException));
    assertEquals(release, text(storage, "dists/stable/Release"));
    assertEquals(List.of("doc 1 all", "hello 1.0 amd64"), names(repo.list("stable")));
  }

  private static ContentSource junk(String name) {
    byte[] bytes = "not an archive".getBytes(StandardCharsets.UTF_8);
    return new ContentSource() {
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

  private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((key, bytes) -> assertArrayEquals(bytes, actual.get(key), key));
  }

  @Test
  void replacesOnConflictWhenAsked() throws Exception {
    builder().build().publishSources("stable", "main", List.of(deb("hello", "1.0", "amd64")));
    ContentSource rebuilt =
        source(DebBuilder.of("hello", "1.0", "amd64").file("extra", new byte[] {1}));
    AptRepository repo = builder().replaceOnConflict(true).build();
    ChangeReport<PackageRef> report = repo.publishSources("stable", "main", List.of(rebuilt));
    assertEquals(1, report.added().size());
    assertEquals(1, report.removed().size());
    PackageRef listed = repo.list("stable").get(0);
    assertTrue(listed.file().value().contains("/sha256-"), listed.file().value());
    assertEquals(report.added().get(0).sha256(), listed.sha256());
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void replaceOlderDropsOlderVersionsOfTheSameName() throws Exception {
    AptRepository repo = builder().retention(Retention.replaceOlder()).build();
    repo.publishSources(
        "stable",
        "main",
        List.of(
            deb("hello", "1.0", "amd64"),
            deb("hello", "3.0", "arm64"),
            deb("other", "1", "amd64")));
    ChangeReport<PackageRef> report =
        repo.publishSources("stable", "main", List.of(deb("hello", "2.0", "amd64")));
    assertEquals(List.of("hello 1.0 amd64"), names(report.removed()));
    assertEquals(
        List.of("hello 2.0 amd64", "hello 3.0 arm64", "other 1 amd64"), names(repo.list("stable")));
  }

  @Test
  void keepNewestKeepsThatManyVersions() throws Exception {
    AptRepository repo = builder().retention(Retention.keepNewest(2)).build();
    for (String v : List.of("1.0", "1.10", "1.2", "1.0~rc1")) {
      repo.publishSources("stable", "main", List.of(deb("hello", v, "amd64")));
    }
    assertEquals(List.of("hello 1.2 amd64", "hello 1.10 amd64"), names(repo.list("stable")));
  }

  @Test
  void retentionPrunesOnAnUnchangedRepublish() throws Exception {
    builder().build().publishSources("stable", "main", List.of(deb("hello", "1", "amd64")));
    builder().build().publishSources("stable", "main", List.of(deb("hello", "2", "amd64")));
    ContentSource newest = deb("hello", "3", "amd64");
    builder().build().publishSources("stable", "main", List.of(newest));
    AptRepository repo = builder().retention(Retention.keepNewest(1)).build();
    ChangeReport<PackageRef> report = repo.publishSources("stable", "main", List.of(newest));
    assertEquals(List.of("hello 3 amd64"), names(report.unchanged()));
    assertEquals(List.of(), names(report.added()));
    assertEquals(List.of("hello 1 amd64", "hello 2 amd64"), names(report.removed()));
    assertTrue(report.committed());
    assertEquals(List.of("hello 3 amd64"), names(repo.list("stable")));
    Repos.assertConsistent(storage, "stable");
    assertFalse(repo.publishSources("stable", "main", List.of(newest)).committed());
  }

  @Test
  void listsArchitectureAllPackagesInEveryArchitecture() throws Exception {
    AptRepository repo = builder().build();
    repo.publishSources(
        "stable",
        "main",
        List.of(deb("tool", "1.0", "amd64"), deb("tool", "1.0", "arm64"), deb("data", "1", "all")));
    assertTrue(text(storage, "dists/stable/main/binary-amd64/Packages").contains("Package: data"));
    assertTrue(text(storage, "dists/stable/main/binary-arm64/Packages").contains("Package: data"));
    // A new architecture starts with the component's 'all' packages.
    repo.publishSources("stable", "main", List.of(deb("tool", "1.0", "i386")));
    String i386 = text(storage, "dists/stable/main/binary-i386/Packages");
    assertTrue(i386.contains("Package: data"), i386);
    assertFalse(i386.contains("Architecture: amd64"), i386);
    assertEquals(
        List.of("data 1 all", "tool 1.0 amd64", "tool 1.0 arm64", "tool 1.0 i386"),
        names(repo.list("stable")));
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void givesEveryComponentEveryArchitecture() throws Exception {
    AptRepository repo = builder().build();
    repo.publishSources("stable", "main", List.of(deb("tool", "1.0", "amd64")));
    repo.publishSources("stable", "contrib", List.of(deb("extra", "1.0", "arm64")));
    ReleaseFile release = Repos.release(storage, "stable");
    assertEquals(List.of("contrib", "main"), List.copyOf(release.components()));
    for (String path :
        List.of(
            "main/binary-amd64/Packages",
            "main/binary-arm64/Packages",
            "contrib/binary-amd64/Packages",
            "contrib/binary-arm64/Packages")) {
      assertTrue(release.files().containsKey(path), path);
    }
  }

  @Test
  void removeTakesPackagesOutAndLeavesThePoolFile() throws Exception {
    AptRepository repo = builder().build();
    repo.publishSources(
        "stable",
        "main",
        List.of(
            deb("hello", "1.0", "amd64"),
            deb("hello", "2.0", "amd64"),
            deb("hello", "2.0", "arm64")));
    ChangeReport<PackageRef> report =
        repo.remove(
            "stable",
            "main",
            PackageSelector.named("hello")
                .withVersion(DebianVersion.parse("2.0-0"))
                .withArchitecture("amd64"));
    assertEquals(List.of("hello 2.0 amd64"), names(report.removed()));
    assertEquals(List.of("hello 1.0 amd64", "hello 2.0 arm64"), names(repo.list("stable")));
    assertTrue(storage.peek(ObjectKey.of("pool/main/h/hello/hello_2.0_amd64.deb")).isPresent());
    ChangeReport<PackageRef> all = repo.remove("stable", "main", PackageSelector.named("hello"));
    assertEquals(2, all.removed().size());
    assertEquals(List.of(), repo.list("stable"));
    assertFalse(repo.remove("stable", "main", PackageSelector.named("hello")).committed());
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void writesAReleaseAptAccepts() throws Exception {
    AptRepository repo =
        builder()
            .origin("Pin Origin")
            .label("Pin Label")
            .validFor(Duration.ofDays(7))
            .compression(IndexCompression.DEFAULT.withXz(0))
            .build();
    repo.publishSources("stable", "main", List.of(deb("hello", "1.0", "amd64")));
    String release = text(storage, "dists/stable/Release");
    assertTrue(
        release.startsWith(
            "Origin: Pin Origin\nLabel: Pin Label\nSuite: stable\nCodename: stable\n"
                + "Date: Sat, 21 Nov 2026 12:00:00 UTC\n"
                + "Valid-Until: Sat, 28 Nov 2026 12:00:00 UTC\n"
                + "Architectures: amd64\nComponents: main\nAcquire-By-Hash: yes\n"
                + "Pinrepo-Rendered:\n main/binary-amd64/Packages\nMD5Sum:\n"),
        release);
    for (String field : List.of("\nSHA1:\n", "\nSHA256:\n", "\nSHA512:\n")) {
      assertTrue(release.contains(field), field);
    }
    for (String name : List.of("Packages", "Packages.gz", "Packages.xz")) {
      assertTrue(release.contains(" main/binary-amd64/" + name + "\n"), name);
    }
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void writesXzOnlyWhenAsked() throws Exception {
    AptRepository repo = builder().build();
    repo.publishSources("stable", "main", List.of(deb("hello", "1.0", "amd64")));
    assertFalse(text(storage, "dists/stable/Release").contains("Packages.xz"));
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void refusesBadNames() {
    AptRepository repo = builder().build();
    assertThrows(
        IllegalArgumentException.class,
        () -> repo.publishSources("../x", "main", List.of(deb("hello", "1.0", "amd64"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> repo.publishSources("stable", "ma in", List.of(deb("hello", "1.0", "amd64"))));
  }
}
