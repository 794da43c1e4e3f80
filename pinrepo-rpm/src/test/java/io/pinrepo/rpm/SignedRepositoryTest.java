package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.clients.Gpg;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repomd.xml.asc}: written after every commit, checked by gpgv and by verify, repaired by
 * repeating a change whose signature a crash cut short; a signed path refuses an unsigned
 * publisher.
 */
class SignedRepositoryTest {
  static final ObjectKey REPOMD = ObjectKey.of("el9/x86_64/repodata/repomd.xml");
  static final ObjectKey ASC = ObjectKey.of("el9/x86_64/repodata/repomd.xml.asc");

  @TempDir Path dir;

  final ManualClock clock = Rpms.clock();
  final InMemoryStorage storage = new InMemoryStorage(clock, 100);
  Gpg gpg;
  RpmRepository repo;

  @BeforeEach
  void key() throws IOException {
    gpg = Gpg.generate(dir, "ed25519");
    repo =
        RpmRepository.builder(storage)
            .clock(clock)
            .signer(PgpSigner.load(gpg.secretKeyFile(), new char[0], java.time.Clock.systemUTC()))
            .build();
  }

  @AfterEach
  void stopAgent() {
    gpg.close();
  }

  @Test
  void gpgvAcceptsTheSignatureOfEveryRepomd() throws Exception {
    Rpms rpms = new Rpms(dir);
    for (String version : List.of("1.0", "2.0")) {
      ChangeReport<RpmRef> report =
          repo.publish(RpmRepositoryTest.PATH, List.of(rpms.rpm("hello", version, "x86_64")));
      assertEquals(Settlement.CURRENT, report.derived());
      Path repomd = Files.write(dir.resolve("repomd.xml"), storage.peek(REPOMD).orElseThrow());
      Path asc = Files.write(dir.resolve("repomd.xml.asc"), storage.peek(ASC).orElseThrow());
      gpg.gpgv(dir, asc.toString(), repomd.toString()).orFail();
      assertEquals(List.of(), verify(true));
    }
  }

  @Test
  void anUnsignedPublisherIsRefusedBeforeItWrites() throws Exception {
    Rpms rpms = new Rpms(dir);
    repo.publish(RpmRepositoryTest.PATH, List.of(rpms.rpm("hello", "1.0", "x86_64")));
    Map<String, byte[]> before = storage.snapshot();
    RpmRepository unsigned = RpmRepository.builder(storage).clock(clock).build();
    IOException e =
        assertThrows(
            IOException.class,
            () -> unsigned.publish(RpmRepositoryTest.PATH, List.of(rpms.rpm("b", "1", "noarch"))));
    assertTrue(e.getMessage().contains("--sign-key"), e.getMessage());
    assertEquals(before.keySet(), storage.snapshot().keySet());
    assertThrows(
        IOException.class,
        () -> unsigned.remove(RpmRepositoryTest.PATH, RpmSelector.named("hello")));
    assertEquals(before.keySet(), storage.snapshot().keySet());
  }

  @Test
  void repeatingAChangeWhoseSignatureACrashCutShortRepairsIt() throws Exception {
    Rpms rpms = new Rpms(dir);
    Path first = rpms.rpm("hello", "1.0", "x86_64");
    repo.publish(RpmRepositoryTest.PATH, List.of(first));
    Path second = rpms.rpm("hello", "2.0", "x86_64");
    storage.failOn(Operation.WRITE, 7); // package, 3 documents, superseded record, repomd, asc
    assertThrows(
        InjectedFaultException.class, () -> repo.publish(RpmRepositoryTest.PATH, List.of(second)));
    storage.clearFault();
    List<Problem> stale = verify(false);
    assertEquals(1, stale.size(), stale.toString());
    assertEquals(ASC, stale.get(0).key());
    assertTrue(stale.get(0).description().startsWith("signs another repomd.xml"), stale.toString());

    ChangeReport<RpmRef> again = repo.publish(RpmRepositoryTest.PATH, List.of(second));
    assertFalse(again.committed());
    assertEquals(Settlement.CURRENT, again.derived());
    assertEquals(List.of(), verify(true));

    storage.delete(ASC, io.pinrepo.spi.WriteCondition.none());
    assertEquals(1, verify(true).size());
    repo.remove(RpmRepositoryTest.PATH, RpmSelector.named("nothing-listed"));
    assertEquals(List.of(), verify(true));
  }

  private List<Problem> verify(boolean withKey) throws IOException {
    List<Problem> problems = new ArrayList<>();
    VerifyContext context = VerifyContext.unsigned();
    if (withKey) {
      try (InputStream in = Files.newInputStream(gpg.publicKeyFile())) {
        context = new VerifyContext(java.util.Optional.of(SignatureChecker.load(in, "public key")));
      }
    }
    repo.format().verify(storage, context, problems::add);
    return problems;
  }
}
