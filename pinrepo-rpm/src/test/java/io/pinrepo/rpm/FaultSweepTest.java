package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Problem;
import io.pinrepo.format.Retention;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.sign.Signer;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault at every storage operation of a change, one k at a time: afterwards verify finds nothing
 * but a signature behind its repomd.xml, the change run again completes, and verify (with the key)
 * is clean.
 */
class FaultSweepTest {
  static final String PATH = RpmRepositoryTest.PATH;

  @TempDir static Path dir;
  static Signer signer;
  static SignatureChecker checker;
  static Rpms rpms;

  final ManualClock clock = Rpms.clock();

  @BeforeAll
  static void key() throws IOException {
    PgpKeyGenerator.GeneratedKey key = PgpKeyGenerator.generate("t <t@example.org>", Rpms.clock());
    signer =
        PgpSigner.load(
            new ByteArrayInputStream(key.armoredSecretKey().getBytes(StandardCharsets.US_ASCII)),
            "key",
            new char[0],
            Rpms.clock());
    checker =
        SignatureChecker.load(
            new ByteArrayInputStream(key.armoredPublicKey().getBytes(StandardCharsets.US_ASCII)),
            "public key");
    rpms = new Rpms(dir);
  }

  /** A change to a repository the set-up prepared. */
  @FunctionalInterface
  interface Act {
    void run(RpmRepository repo) throws IOException;
  }

  RpmRepository repo(InMemoryStorage storage) {
    return RpmRepository.builder(storage)
        .clock(clock)
        .signer(signer)
        .retention(Retention.keepNewest(2))
        .build();
  }

  void setUp(InMemoryStorage storage) throws IOException {
    repo(storage).publish(PATH, List.of(rpms.rpm("hello", "1.0", "x86_64")));
    repo(storage).publish(PATH, List.of(rpms.rpm("hello", "1.1", "x86_64")));
  }

  @Test
  void aPublishThatPrunesSurvivesAFaultAtEveryOperation() throws Exception {
    Path file = rpms.rpm("hello", "2.0", "x86_64");
    int k = sweep(repo -> repo.publish(PATH, List.of(file)));
    assertTrue(k > 10, "the publish took " + k + " operations");
  }

  @Test
  void aFirstPublishIntoANewPathWithSourcesSurvivesAFaultAtEveryOperation() throws Exception {
    List<Path> files =
        List.of(
            rpms.rpm("fresh", "1.0", "noarch"),
            rpms.write(Rpms.builder("fresh", "1.0", "noarch").sourcePackage()));
    sweep(repo -> repo.publish("el10/x86_64", files));
  }

  @Test
  void aRemoveSurvivesAFaultAtEveryOperation() throws Exception {
    sweep(repo -> repo.remove(PATH, RpmSelector.named("hello").withVersion("1.0")));
  }

  /** Returns how many operations the clean run took. */
  private int sweep(Act act) throws IOException {
    for (int k = 1; ; k++) {
      InMemoryStorage storage = new InMemoryStorage(clock, 50);
      setUp(storage);
      storage.failOn(Operation.ANY, k);
      boolean crashed = false;
      try {
        act.run(repo(storage));
      } catch (InjectedFaultException e) {
        crashed = true;
      }
      storage.clearFault();
      List<Problem> problems = verify(storage, false);
      problems.removeIf(p -> p.description().startsWith("signs another repomd.xml"));
      assertEquals(List.of(), problems, "fault at operation " + k);
      if (!crashed) {
        assertEquals(List.of(), verify(storage, true), "clean run");
        return k - 1;
      }
      act.run(repo(storage));
      assertEquals(List.of(), verify(storage, true), "fault at operation " + k + ", retried");
      assertEquals(0, storage.openStreams(), "fault at operation " + k);
    }
  }

  private static List<Problem> verify(InMemoryStorage storage, boolean signatures)
      throws IOException {
    List<Problem> problems = new ArrayList<>();
    VerifyContext context =
        signatures ? new VerifyContext(Optional.of(checker)) : VerifyContext.unsigned();
    new RpmFormat().verify(storage, context, problems::add);
    return problems;
  }
}
