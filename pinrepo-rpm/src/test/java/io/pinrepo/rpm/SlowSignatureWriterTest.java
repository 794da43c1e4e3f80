package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.faults.DiesAfterWrite;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publisher that commits its repomd.xml, then writes its signature late (after a newer publisher
 * has committed and signed) and dies right after, never leaves repomd.xml.asc signing an older
 * repomd.xml than the one in place; one that is overtaken but lives reports its signature
 * superseded.
 */
class SlowSignatureWriterTest {
  static final ObjectKey REPOMD = SignedRepositoryTest.REPOMD;
  static final ObjectKey ASC = SignedRepositoryTest.ASC;

  @TempDir Path dir;

  final ManualClock clock = Rpms.clock();
  final InMemoryStorage memory = new InMemoryStorage(clock, 100);
  Signer signer;
  SignatureChecker checker;
  RpmRepository fast;
  Rpms rpms;

  @BeforeEach
  void setUp() throws IOException {
    PgpKeyGenerator.GeneratedKey key = PgpKeyGenerator.generate("t <t@example.org>", clock);
    signer =
        PgpSigner.load(
            new ByteArrayInputStream(key.armoredSecretKey().getBytes(StandardCharsets.US_ASCII)),
            "key",
            new char[0],
            clock);
    checker =
        SignatureChecker.load(
            new ByteArrayInputStream(key.armoredPublicKey().getBytes(StandardCharsets.US_ASCII)),
            "public key");
    fast = repo(memory);
    rpms = new Rpms(dir);
    fast.publish(RpmRepositoryTest.PATH, List.of(rpms.rpm("hello", "1.0", "x86_64")));
  }

  RpmRepository repo(Storage storage) {
    return RpmRepository.builder(storage).clock(clock).signer(signer).build();
  }

  @Test
  void aLateSignatureWriteThatDiesNeverSignsAnOlderRepomd() throws Exception {
    Path slowFile = rpms.rpm("slow", "1.0", "x86_64");
    Path fastFile = rpms.rpm("fast", "1.0", "x86_64");
    Storage slowStorage =
        new DiesAfterWrite(
            memory, ASC, () -> fast.publish(RpmRepositoryTest.PATH, List.of(fastFile)));
    assertThrows(
        IOException.class,
        () -> repo(slowStorage).publish(RpmRepositoryTest.PATH, List.of(slowFile)));

    byte[] repomd = memory.peek(REPOMD).orElseThrow();
    byte[] asc = memory.peek(ASC).orElseThrow();
    assertTrue(RepomdSignature.signs(asc, repomd), "the signature lags its repomd.xml");
    assertTrue(checker.verifyDetached(new ByteArrayInputStream(repomd), asc));
    assertEquals(
        List.of("fast-1.0-1.x86_64", "hello-1.0-1.x86_64", "slow-1.0-1.x86_64"),
        fast.list(RpmRepositoryTest.PATH).stream().map(RpmRef::toString).toList());
    List<Problem> problems = new ArrayList<>();
    fast.format().verify(memory, new VerifyContext(Optional.of(checker)), problems::add);
    assertEquals(List.of(), problems);
  }

  @Test
  void aPublisherOvertakenAfterItsCommitReportsItsSignatureSuperseded() throws Exception {
    Path slowFile = rpms.rpm("slow", "1.0", "x86_64");
    Path fastFile = rpms.rpm("fast", "1.0", "x86_64");
    Storage overtaken =
        new OvertakenAtWrite(
            memory, ASC, () -> fast.publish(RpmRepositoryTest.PATH, List.of(fastFile)));
    ChangeReport<RpmRef> report =
        repo(overtaken).publish(RpmRepositoryTest.PATH, List.of(slowFile));
    assertTrue(report.committed());
    assertEquals(Settlement.SUPERSEDED, report.derived());
    assertTrue(
        RepomdSignature.signs(memory.peek(ASC).orElseThrow(), memory.peek(REPOMD).orElseThrow()));
  }

  /** At its first write of one key, another publisher's whole change runs first. */
  static final class OvertakenAtWrite extends ForwardingStorage {
    private final ObjectKey held;
    private final DiesAfterWrite.Meanwhile meanwhile;
    private boolean done;

    OvertakenAtWrite(Storage delegate, ObjectKey held, DiesAfterWrite.Meanwhile meanwhile) {
      super(delegate);
      this.held = held;
      this.meanwhile = meanwhile;
    }

    @Override
    public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
        throws IOException {
      if (key.equals(held) && !done) {
        done = true;
        meanwhile.run();
      }
      return super.write(key, content, condition);
    }
  }
}
