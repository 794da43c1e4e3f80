package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.clients.Gpg;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptFormatTest {

  @TempDir Path tmp;

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
  private final AptFormat format =
      AptRepository.builder(storage).clock(Repos.CLOCK).build().format();

  private List<Problem> verify(VerifyContext context) throws Exception {
    List<Problem> problems = new ArrayList<>();
    format.verify(storage, context, problems::add);
    return problems;
  }

  private void publishSome(AptRepository repo) throws Exception {
    repo.publishSources(
        "stable",
        "main",
        List.of(Repos.deb("hello", "1.0", "amd64"), Repos.deb("doc", "1", "all")));
    repo.publishSources("testing", "main", List.of(Repos.deb("hello", "2.0", "arm64")));
  }

  @Test
  void aPublishedRepositoryVerifiesClean() throws Exception {
    assertFalse(format.isPresent(storage));
    publishSome(AptRepository.builder(storage).clock(Repos.CLOCK).build());
    assertTrue(format.isPresent(storage));
    assertEquals(List.of(), verify(VerifyContext.unsigned()));
  }

  @Test
  void signaturesVerifyAgainstTheTrustedKey() throws Exception {
    try (Gpg key = Gpg.generate(tmp, "ed25519")) {
      publishSome(
          AptRepository.builder(storage)
              .clock(Repos.CLOCK)
              .signer(
                  PgpSigner.load(key.secretKeyFile(), key.passphrase().toCharArray(), Repos.CLOCK))
              .build());
      SignatureChecker checker;
      try (InputStream in = Files.newInputStream(key.keyring())) {
        checker = SignatureChecker.load(in, "keyring");
      }
      assertEquals(List.of(), verify(new VerifyContext(Optional.of(checker))));
      storage.write(
          ObjectKey.of("dists/stable/Release"),
          ContentSource.ofUtf8("Suite: forged\n"),
          WriteCondition.none());
      List<Problem> problems = verify(new VerifyContext(Optional.of(checker)));
      assertTrue(
          problems.stream().anyMatch(p -> p.key().value().equals("dists/stable/Release.gpg")),
          problems::toString);
    }
  }

  @Test
  void reportsTamperedPackagesAndMissingIndexes() throws Exception {
    publishSome(AptRepository.builder(storage).clock(Repos.CLOCK).build());
    storage.write(
        ObjectKey.of("pool/main/h/hello/hello_1.0_amd64.deb"),
        ContentSource.ofUtf8("evil"),
        WriteCondition.none());
    ReleaseFile release = Repos.release(storage, "testing");
    String path = "main/binary-arm64/Packages.gz";
    storage.delete(
        new DistLayout("testing")
            .byHash(path, io.pinrepo.hash.HashAlgorithm.SHA512, release.files().get(path).sha512()),
        WriteCondition.none());
    List<String> problems =
        verify(VerifyContext.unsigned()).stream().map(Problem::toString).toList();
    assertEquals(2, problems.size(), problems::toString);
    assertTrue(
        problems.get(0).contains("hello_1.0_amd64.deb: size or SHA-256 differs"), problems.get(0));
    assertTrue(problems.get(1).contains("by-hash/SHA512/"), problems.get(1));
  }

  @Test
  void gcKeepsSupersededIndexesForTheRetentionPeriodOnly() throws Exception {
    AptRepository repo =
        AptRepository.builder(storage)
            .clock(Repos.CLOCK)
            .byHashRetention(Duration.ofHours(6))
            .build();
    repo.publishSources("stable", "main", List.of(Repos.deb("hello", "1.0", "amd64")));
    ReleaseFile before = Repos.release(storage, "stable");
    repo.remove("stable", "main", PackageSelector.named("hello"));
    ObjectKey pool = ObjectKey.of("pool/main/h/hello/hello_1.0_amd64.deb");
    String packages = "main/binary-amd64/Packages";
    ObjectKey oldIndex =
        new DistLayout("stable")
            .byHash(
                packages,
                io.pinrepo.hash.HashAlgorithm.SHA512,
                before.files().get(packages).sha512());

    collect(Duration.ofHours(1));
    assertTrue(storage.peek(pool).isPresent(), "a client with the old InRelease may fetch it");
    assertTrue(storage.peek(oldIndex).isPresent());

    GarbageCollector.Result result = collect(Duration.ofHours(7));
    assertTrue(storage.peek(pool).isEmpty());
    assertTrue(storage.peek(oldIndex).isEmpty());
    // The superseded Packages and Packages.gz under their by-hash names, and the pool file.
    assertEquals(3, result.collected().size(), result::toString);
    Repos.assertConsistent(storage, "stable");
    assertEquals(List.of(), verify(VerifyContext.unsigned()));
  }

  private GarbageCollector.Result collect(Duration after) throws Exception {
    Clock later = Clock.fixed(Repos.CLOCK.instant().plus(after), ZoneOffset.UTC);
    AptFormat format = AptRepository.builder(storage).clock(later).build().format();
    return new GarbageCollector(List.of(format), later)
        .run(storage, Duration.ZERO, false, info -> {});
  }
}
