package io.pinrepo.debian;

import static io.pinrepo.debian.Repos.deb;
import static io.pinrepo.debian.Repos.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.SigningKeyException;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One rule for every refused publish: each file is read and checked, against the batch and against
 * what is listed, before anything is written; then nothing is written and every bad file is named.
 */
class RefusedPublishTest {

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);

  private AptRepository repo() {
    return AptRepository.builder(storage).clock(Repos.CLOCK).build();
  }

  private static ContentSource rebuilt(String name, String version, String arch) {
    return source(DebBuilder.of(name, version, arch).file("rebuilt", new byte[] {1}));
  }

  @Test
  void aConflictWithAListedPackageLeavesEveryByteAsItWas() throws Exception {
    AptRepository repo = repo();
    repo.publishSources("stable", "main", List.of(deb("hello", "1.0", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    PackageConflictException e =
        assertThrows(
            PackageConflictException.class,
            () -> repo.publishSources("stable", "main", List.of(rebuilt("hello", "1.0", "amd64"))));
    assertTrue(
        e.getMessage()
            .startsWith("hello_1.0_amd64.deb: hello 1.0 (amd64) is already in stable/main"),
        e.getMessage());
    assertSameBytes(before, storage.snapshot());
  }

  @Test
  void aBatchNamesEveryMalformedAndConflictingFileInOrderAndWritesNothing() throws Exception {
    AptRepository repo = repo();
    repo.publishSources(
        "stable", "main", List.of(deb("hello", "1.0", "amd64"), deb("doc", "1", "all")));
    Map<String, byte[]> before = storage.snapshot();
    List<ContentSource> batch =
        List.of(
            deb("fresh", "1", "amd64"),
            rebuilt("doc", "1", "all"),
            junk("junk.deb"),
            rebuilt("hello", "1.0", "amd64"));
    RefusedBatchException e =
        assertThrows(
            RefusedBatchException.class, () -> repo.publishSources("stable", "main", batch));
    List<PinrepoException> causes = e.causes();
    assertEquals(3, causes.size(), causes::toString);
    assertInstanceOf(PackageConflictException.class, causes.get(0));
    assertTrue(causes.get(0).getMessage().startsWith("doc_1_all.deb: doc 1 (all)"));
    assertEquals("junk.deb", ((MalformedPackageException) causes.get(1)).source());
    assertTrue(causes.get(2).getMessage().startsWith("hello_1.0_amd64.deb: hello 1.0 (amd64)"));
    assertSameBytes(before, storage.snapshot());
  }

  @Test
  void aBatchLargeEnoughToBeReadOnSeveralThreadsNamesItsBadFilesInTheOrderGiven() throws Exception {
    AptRepository repo = repo();
    repo.publishSources("stable", "main", List.of(deb("hello", "1.0", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    List<ContentSource> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(
          switch (i) {
            case 5, 30 -> junk("junk" + i + ".deb");
            case 35 -> rebuilt("pkg07", "1", "amd64");
            default -> deb(String.format("pkg%02d", i), "1", "amd64");
          });
    }
    RefusedBatchException e =
        assertThrows(
            RefusedBatchException.class, () -> repo.publishSources("stable", "main", batch));
    List<PinrepoException> causes = e.causes();
    assertEquals(3, causes.size(), causes::toString);
    assertEquals("junk5.deb", ((MalformedPackageException) causes.get(0)).source());
    assertEquals("junk30.deb", ((MalformedPackageException) causes.get(1)).source());
    assertTrue(causes.get(2).getMessage().contains("is also in this batch"), causes::toString);
    assertSameBytes(before, storage.snapshot());

    List<ContentSource> good = new ArrayList<>(batch);
    good.subList(30, 36).clear();
    good.remove(5);
    assertEquals(33, repo.publishSources("stable", "main", good).added().size());
  }

  @Test
  void aSignerThatIsNotReadyFailsThePublishBeforeAnythingIsWritten() throws Exception {
    Signer real = Repos.signer();
    AptRepository signed = AptRepository.builder(storage).clock(Repos.CLOCK).signer(real).build();
    signed.publishSources("stable", "main", List.of(deb("hello", "1.0", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    // A signer that prepares its key elsewhere (the CLI loads it while the files are read).
    Signer failing =
        new Signer() {
          @Override
          public byte[] detachedSignature(InputStream data) throws IOException {
            return real.detachedSignature(data);
          }

          @Override
          public String clearSign(String text) throws IOException {
            return real.clearSign(text);
          }

          @Override
          public String fingerprint() {
            return real.fingerprint();
          }

          @Override
          public void ready() throws IOException {
            throw new SigningKeyException("key.asc: wrong passphrase", null);
          }
        };
    AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).signer(failing).build();
    SigningKeyException e =
        assertThrows(
            SigningKeyException.class,
            () -> repo.publishSources("stable", "main", List.of(deb("fresh", "1", "amd64"))));
    assertEquals("key.asc: wrong passphrase", e.getMessage());
    assertSameBytes(before, storage.snapshot());
  }

  @Test
  void twoFilesOfABatchWithOneIdentityAndOtherBytesAreRefusedBeforeAnyUpload() throws Exception {
    AptRepository repo = repo();
    repo.publishSources("stable", "main", List.of(deb("other", "1", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    ContentSource first = deb("hello", "1.0", "amd64");
    PackageConflictException e =
        assertThrows(
            PackageConflictException.class,
            () ->
                repo.publishSources(
                    "stable",
                    "main",
                    List.of(first, deb("xx", "1", "amd64"), rebuilt("hello", "1.0-0", "amd64"))));
    assertTrue(
        e.getMessage().contains("is also in this batch as hello_1.0_amd64.deb"), e.getMessage());
    assertSameBytes(before, storage.snapshot());
    // The same bytes twice are one package.
    assertEquals(1, repo.publishSources("stable", "main", List.of(first, first)).added().size());
  }

  @Test
  void anUnsignedPublishIntoASignedDistributionWritesNothing() throws Exception {
    AptRepository.builder(storage)
        .clock(Repos.CLOCK)
        .signer(Repos.signer())
        .build()
        .publishSources("stable", "main", List.of(deb("hello", "1.0", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    assertThrows(
        java.io.IOException.class,
        () -> repo().publishSources("stable", "main", List.of(deb("more", "1", "amd64"))));
    assertSameBytes(before, storage.snapshot());
  }

  /**
   * The race: another publisher lists other bytes under a name of the batch between the check and
   * the commit (here as the batch's uploads start, which may run several at once). Nothing is
   * committed; what stays is only the pool files this publish uploaded, unlisted, and GC takes
   * exactly those: then every byte is as if the refused publish had never run.
   */
  @Test
  void aRaceLostAfterUploadCommitsNothingAndLeavesOnlyWhatGcCollects() throws Exception {
    InMemoryStorage witness = new InMemoryStorage(Repos.CLOCK, 1000);
    AptRepository.builder(witness)
        .clock(Repos.CLOCK)
        .build()
        .publishSources("stable", "main", List.of(deb("base", "1", "amd64")));
    AptRepository.builder(witness)
        .clock(Repos.CLOCK)
        .build()
        .publishSources("stable", "main", List.of(rebuilt("hello", "1.0", "amd64")));

    repo().publishSources("stable", "main", List.of(deb("base", "1", "amd64")));
    AptRepository other = repo();
    HookedStorage racing =
        HookedStorage.beforeFirst(
            storage,
            key -> key.value().startsWith("pool/"),
            () ->
                other.publishSources("stable", "main", List.of(rebuilt("hello", "1.0", "amd64"))));
    AptRepository loser = AptRepository.builder(racing).clock(Repos.CLOCK).build();
    PackageConflictException e =
        assertThrows(
            PackageConflictException.class,
            () ->
                loser.publishSources(
                    "stable",
                    "main",
                    List.of(deb("extra", "1", "amd64"), deb("hello", "1.0", "amd64"))));
    assertTrue(racing.fired());
    assertTrue(e.getMessage().contains("hello 1.0 (amd64) is already in stable/main"));

    Map<String, byte[]> after = storage.snapshot();
    TreeSet<String> extra = new TreeSet<>(after.keySet());
    extra.removeAll(witness.snapshot().keySet());
    assertEquals(
        new TreeSet<>(
            List.of(
                "pool/main/e/extra/extra_1_amd64.deb",
                "pool/main/h/hello/sha256-"
                    + sha256Prefix(deb("hello", "1.0", "amd64"))
                    + "/hello_1.0_amd64.deb")),
        extra);
    for (InMemoryStorage s : List.of(storage, witness)) {
      new GarbageCollector(List.of(repo().format()), Repos.CLOCK)
          .run(s, Duration.ZERO, false, info -> {});
    }
    assertSameBytes(witness.snapshot(), storage.snapshot());
  }

  private static String sha256Prefix(ContentSource source) throws Exception {
    try (var in = source.open()) {
      return io.pinrepo.hash.Digests.of(in).sha256().substring(0, 16);
    }
  }

  static ContentSource junk(String name) {
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

  static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()));
    expected.forEach((key, bytes) -> assertArrayEquals(bytes, actual.get(key), key));
  }
}
