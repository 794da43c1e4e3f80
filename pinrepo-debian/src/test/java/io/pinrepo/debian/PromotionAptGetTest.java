package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.Gpg;
import io.pinrepo.testkit.clients.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real apt-get and gpgv read a promoted distribution, a later one and a rolled-back one. */
class PromotionAptGetTest {

  @TempDir Path tmp;

  @Test
  void aptGetInstallsFromAPromotedDistributionAndFollowsRollback() throws Exception {
    Programs.require("gpg");
    Programs.require("apt-get");
    Path repoDir = tmp.resolve("repo");
    Path first = DebBuilder.of("hello-pin", "1.0-1", "amd64").writeTo(tmp.resolve("debs"));
    Path second = DebBuilder.of("hello-pin", "1.0-2", "amd64").writeTo(tmp.resolve("debs"));
    try (Gpg key = Gpg.generate(tmp.resolve("keys"), "ed25519");
        FileSystemStorage storage = FileSystemStorage.open(repoDir)) {
      AptRepository repo =
          AptRepository.builder(storage)
              .signer(
                  PgpSigner.load(
                      key.secretKeyFile(), key.passphrase().toCharArray(), Clock.systemUTC()))
              .origin("Pinrepo Tests")
              .build();
      AptRoot apt =
          AptRoot.create(
              tmp.resolve("apt"),
              AptRoot.sourceLine(
                  "file:" + repoDir, "current-passed-ci", "main", key.keyring(), "amd64"),
              "amd64");
      repo.publish("current", "main", List.of(first));
      repo.promotion().promote("current", "current-passed-ci", "CI passed");
      repo.publish("current", "main", List.of(second));

      assertCandidate(apt, "1.0-1");
      assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(apt.download("hello-pin")));

      repo.promotion().promote("current", "current-passed-ci", "");
      assertCandidate(apt, "1.0-2");

      repo.promotion().rollback("current-passed-ci", 1, "1.0-2 broke");
      assertCandidate(apt, "1.0-1");
    }
  }

  private static void assertCandidate(AptRoot apt, String version) {
    Programs.Result update = apt.update();
    assertEquals(0, update.exit(), update.out() + update.err());
    assertEquals(List.of(), AptRoot.problems(update), update.out() + update.err());
    assertEquals(version, apt.candidate("hello-pin"));
  }
}
