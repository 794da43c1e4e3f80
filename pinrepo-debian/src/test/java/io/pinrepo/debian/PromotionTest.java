package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Retention;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.verify.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Promotion between distributions: exact listings, own Release, history, rollback, bad input. */
class PromotionTest {

  private static final String PACKAGES = "main/binary-amd64/Packages";

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);

  static AptRepository repo(Storage storage) {
    return AptRepository.builder(storage)
        .clock(Repos.CLOCK)
        .origin("Pinrepo Tests")
        .retention(Retention.replaceOlder())
        .byHashRetention(Duration.ZERO)
        .build();
  }

  private byte[] legacy(String dist, String path) {
    return storage.peek(ObjectKey.of("dists/" + dist + "/" + path)).orElseThrow();
  }

  static void assertVerifies(Storage storage) throws IOException {
    Verification.Report report =
        new Verification(List.of(repo(storage).format())).run(storage, VerifyContext.unsigned());
    assertEquals(List.of(), report.problems());
  }

  @Test
  void promotionListsExactlyTheSourceIndexesUnderTheTargetsOwnReleaseWithoutPoolCopies()
      throws Exception {
    AptRepository repo = repo(storage);
    repo.publishSources(
        "current",
        "main",
        List.of(Repos.deb("hello", "1.0", "amd64"), Repos.deb("doc", "1", "all")));
    List<ObjectKey> pool = keysUnder("pool/");

    Promotion promotion = repo.promotion().promote("current", "consistent", "CI run 42");

    ReleaseFile source = Repos.release(storage, "current");
    ReleaseFile target = Repos.release(storage, "consistent");
    assertEquals(source.files(), target.files());
    assertEquals("consistent", target.suite());
    assertEquals(Optional.of("Pinrepo Tests"), target.origin());
    assertTrue(Repos.text(storage, "dists/consistent/Release").contains("Codename: consistent"));
    assertEquals(repo.list("current"), repo.list("consistent"));
    assertEquals(pool, keysUnder("pool/"));
    Repos.assertConsistent(storage, "consistent");
    assertVerifies(storage);
    assertEquals(1, promotion.revision());
    assertEquals("current", promotion.source());
    assertEquals(Optional.of("CI run 42"), promotion.note());
    assertEquals(
        Digests.of(legacy("current", "Release")).sha256(), promotion.sourceReleaseSha256());
    assertEquals(List.of(promotion), repo.promotion().history("consistent"));
    assertEquals(Optional.of(1), repo.promotion().currentRevision("consistent"));
  }

  @Test
  void rollbackRestoresTheRecordedPackagesByteForByte() throws Exception {
    AptRepository repo = repo(storage);
    repo.publishSources("current", "main", List.of(Repos.deb("hello", "1.0", "amd64")));
    repo.promotion().promote("current", "consistent", "");
    byte[] first = legacy("consistent", PACKAGES);
    repo.publishSources("current", "main", List.of(Repos.deb("hello", "2.0", "amd64")));
    repo.promotion().promote("current", "consistent", "");
    assertFalse(java.util.Arrays.equals(first, legacy("consistent", PACKAGES)));

    Promotion back = repo.promotion().rollback("consistent", 1, "bad 2.0");

    assertArrayEquals(first, legacy("consistent", PACKAGES));
    assertArrayEquals(
        first,
        storage
            .peek(new DistLayout("consistent").byHash(PACKAGES, Digests.of(first)))
            .orElseThrow());
    List<Promotion> history = repo.promotion().history("consistent");
    assertEquals(List.of(1, 2, 3), history.stream().map(Promotion::revision).toList());
    assertEquals(history.get(0).files(), Repos.release(storage, "consistent").files());
    assertEquals(3, back.revision());
    assertEquals(java.util.OptionalInt.of(1), back.restored());
    assertEquals(history.get(0).sourceReleaseSha256(), back.sourceReleaseSha256());
    assertEquals(Optional.of(3), repo.promotion().currentRevision("consistent"));
    Repos.assertConsistent(storage, "consistent");
    assertVerifies(storage);
  }

  @Test
  void theHistoryKeepsTheNewestPromotionsAndRefusesToRestoreAnOlderOne() throws Exception {
    AptRepository repo = repo(storage);
    AptPromotion promotion = repo.promotion().keepingHistory(2);
    for (String version : List.of("1.0", "2.0", "3.0")) {
      repo.publishSources("current", "main", List.of(Repos.deb("hello", version, "amd64")));
      promotion.promote("current", "consistent", "");
    }
    Map<String, byte[]> before = storage.snapshot();

    IOException e = assertThrows(IOException.class, () -> promotion.rollback("consistent", 1, ""));

    assertEquals(
        "dists/consistent/pinrepo-promotions: revision 1 is not recorded (it keeps 2 to 3)",
        e.getMessage());
    assertEquals(
        List.of(2, 3), promotion.history("consistent").stream().map(Promotion::revision).toList());
    assertSnapshot(before);
  }

  @Test
  void badRequestsChangeNothing() throws Exception {
    AptRepository repo = repo(storage);
    repo.publishSources("current", "main", List.of(Repos.deb("hello", "1.0", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    AptPromotion promotion = repo.promotion();

    ObjectNotFoundException missing =
        assertThrows(
            ObjectNotFoundException.class, () -> promotion.promote("nowhere", "consistent", ""));
    assertEquals(ObjectKey.of("dists/nowhere/Release"), missing.key());
    assertThrows(IllegalArgumentException.class, () -> promotion.promote("current", "current", ""));
    assertThrows(
        IllegalArgumentException.class, () -> promotion.promote("current", "x", "two\nlines"));
    assertThrows(IllegalArgumentException.class, () -> promotion.promote("current", "../x", ""));
    assertThrows(IOException.class, () -> promotion.rollback("current", 1, ""));
    assertSnapshot(before);
  }

  @Test
  void anUnsignedRepositoryCannotPromoteIntoASignedDistribution() throws Exception {
    AptRepository signed =
        AptRepository.builder(storage).clock(Repos.CLOCK).signer(Repos.signer()).build();
    signed.publishSources("current", "main", List.of(Repos.deb("hello", "1.0", "amd64")));
    signed.promotion().promote("current", "consistent", "");
    assertTrue(storage.peek(ObjectKey.of("dists/consistent/InRelease")).isPresent());
    assertArrayEquals(
        ClearSigned.content(Repos.text(storage, "dists/consistent/InRelease"), "t")
            .getBytes(StandardCharsets.UTF_8),
        legacy("consistent", "Release"));
    assertTrue(storage.peek(ObjectKey.of("dists/consistent/Release.gpg")).isPresent());
    Map<String, byte[]> before = storage.snapshot();

    IOException e =
        assertThrows(
            IOException.class,
            () -> repo(storage).promotion().promote("current", "consistent", ""));

    assertTrue(e.getMessage().contains("publish with a signing key"), e.getMessage());
    assertSnapshot(before);
  }

  @Test
  void promotingAgainAfterAPublishIntoTheTargetListsTheSourceAgain() throws Exception {
    AptRepository repo = repo(storage);
    repo.publishSources("current", "main", List.of(Repos.deb("hello", "1.0", "amd64")));
    repo.promotion().promote("current", "consistent", "");
    repo.publishSources("consistent", "contrib", List.of(Repos.deb("stray", "1", "amd64")));
    assertEquals(Optional.empty(), repo.promotion().currentRevision("consistent"));

    repo.promotion().promote("current", "consistent", "");

    assertEquals(repo.list("current"), repo.list("consistent"));
    assertFalse(Repos.release(storage, "consistent").components().contains("contrib"));
    assertVerifies(storage);
  }

  @Test
  void aRollbackRefusesARevisionWhosePoolFileIsGone() throws Exception {
    AptRepository repo = repo(storage);
    repo.publishSources("current", "main", List.of(Repos.deb("bad", "1.0", "amd64")));
    repo.promotion().promote("current", "consistent", "");
    repo.publishSources("current", "main", List.of(Repos.deb("good", "1.0", "amd64")));
    repo.remove("current", "main", PackageSelector.named("bad"));
    repo.promotion().promote("current", "consistent", "");
    // Taken back by hand (or by purge, which does not read histories).
    storage.delete(ObjectKey.of("pool/main/b/bad/bad_1.0_amd64.deb"), WriteCondition.none());
    Map<String, byte[]> before = storage.snapshot();

    IOException e =
        assertThrows(IOException.class, () -> repo.promotion().rollback("consistent", 1, ""));

    assertTrue(
        e.getMessage().startsWith("pool/main/b/bad/bad_1.0_amd64.deb: gone"), e.getMessage());
    assertSnapshot(before);
    assertVerifies(storage);
  }

  private List<ObjectKey> keysUnder(String prefix) {
    return storage.keys().stream().filter(k -> k.value().startsWith(prefix)).toList();
  }

  private void assertSnapshot(Map<String, byte[]> before) {
    Map<String, byte[]> after = storage.snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
  }
}
