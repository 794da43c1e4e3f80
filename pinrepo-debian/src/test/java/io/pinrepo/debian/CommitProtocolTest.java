package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent publishers, crashes and slow committers never leave apt an inconsistent view. */
class CommitProtocolTest {

  @TempDir Path tmp;

  @Test
  void concurrentPublishersLoseNothing() throws Exception {
    InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
    publishConcurrently(AptRepository.builder(storage).clock(Repos.CLOCK).build());
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void concurrentPublishersOnOneDirectoryLoseNothing() throws Exception {
    // Each thread opens the directory itself, as separate processes would.
    List<FileSystemStorage> opened = new ArrayList<>();
    try {
      List<AptRepository> repos = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        FileSystemStorage storage = FileSystemStorage.open(tmp);
        opened.add(storage);
        repos.add(AptRepository.builder(storage).build());
      }
      publishConcurrently(repos.toArray(new AptRepository[0]));
      assertEquals(List.of(), problems(opened.get(0)));
    } finally {
      for (FileSystemStorage s : opened) {
        s.close();
      }
    }
  }

  private static List<io.pinrepo.format.Problem> problems(Storage storage) throws IOException {
    List<io.pinrepo.format.Problem> problems = new ArrayList<>();
    AptRepository.builder(storage)
        .clock(Repos.CLOCK)
        .build()
        .format()
        .verify(storage, io.pinrepo.format.VerifyContext.unsigned(), problems::add);
    return problems;
  }

  private static void publishConcurrently(AptRepository... repos) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 3; i++) {
                    repos[thread % repos.length].publishSources(
                        "stable",
                        thread % 2 == 0 ? "main" : "contrib",
                        List.of(Repos.deb("p" + thread + "x" + i, "1.0", "amd64")));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(18, repos[0].list("stable").size());
  }

  @Test
  void aCrashAtAnyStepLeavesAConsistentDistribution() throws Exception {
    for (int k = 1; ; k++) {
      InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
      AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();
      repo.publishSources("stable", "main", List.of(Repos.deb("before", "1", "amd64")));
      storage.failOn(Operation.ANY, k);
      boolean crashed = false;
      try {
        repo.publishSources(
            "stable",
            "main",
            List.of(Repos.deb("after", "1", "amd64"), Repos.deb("doc", "1", "all")));
      } catch (InjectedFaultException e) {
        crashed = true;
      }
      storage.clearFault();
      Repos.assertConsistent(storage, "stable", false);
      int listed = repo.list("stable").size();
      assertTrue(listed == 1 || listed == 3, "k=" + k + ": " + listed);
      // The next publish repairs whatever legacy file the crash left behind.
      repo.publishSources("stable", "main", List.of(Repos.deb("later", "1", "amd64")));
      Repos.assertConsistent(storage, "stable", true);
      assertEquals(0, storage.openStreams());
      if (!crashed) {
        assertTrue(k > 10, "the publish took only " + k + " operations");
        return;
      }
    }
  }

  @Test
  void aSlowerCommitterNeverLeavesOlderLegacyFiles() throws Exception {
    InMemoryStorage memory = new InMemoryStorage(Repos.CLOCK, 1000);
    AptRepository fast = AptRepository.builder(memory).clock(Repos.CLOCK).build();
    fast.publishSources("stable", "main", List.of(Repos.deb("first", "1", "amd64")));
    // The slow publisher's storage lets the fast one commit and finish right after the slow
    // one's commit point lands, before the slow one writes its legacy files.
    Storage slowStorage =
        new Interposer(memory, "dists/stable/Release") {
          @Override
          void afterCommit() throws IOException {
            fast.publishSources("stable", "main", List.of(Repos.deb("fast", "1", "amd64")));
          }
        };
    AptRepository slow = AptRepository.builder(slowStorage).clock(Repos.CLOCK).build();
    ChangeReport<PackageRef> report =
        slow.publishSources("stable", "main", List.of(Repos.deb("slow", "1", "amd64")));
    assertTrue(report.committed());
    assertEquals(Settlement.SUPERSEDED, report.derived(), "the fast publisher wrote them");
    assertEquals(3, fast.list("stable").size());
    Repos.assertConsistent(memory, "stable", true);
  }

  @Test
  void repeatingAPublishThatChangesNothingRepairsLegacyFilesACrashLeftBehind() throws Exception {
    InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
    AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();
    repairsAfterACrash(storage, repo, List.of("main/binary-amd64/Packages"));
  }

  @Test
  void repeatingASignedPublishRepairsReleaseToo() throws Exception {
    InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
    AptRepository repo =
        AptRepository.builder(storage).clock(Repos.CLOCK).signer(Repos.signer()).build();
    repairsAfterACrash(storage, repo, List.of("Release", "main/binary-amd64/Packages"));
    assertEquals(
        ClearSigned.content(Repos.text(storage, "dists/stable/InRelease"), "InRelease"),
        Repos.text(storage, "dists/stable/Release"));
  }

  /**
   * Publishes twice, puts {@code stale} (relative to the distribution) back as the first publish
   * left them and deletes {@code Packages.gz}, as if the second publisher died after its commit;
   * then repeats the second publish, which commits nothing and repairs them.
   */
  private static void repairsAfterACrash(
      InMemoryStorage storage, AptRepository repo, List<String> stale) throws Exception {
    repo.publishSources("stable", "main", List.of(Repos.deb("first", "1", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    ContentSource second = Repos.deb("second", "1", "amd64");
    repo.publishSources("stable", "main", List.of(second));
    for (String path : stale) {
      String key = "dists/stable/" + path;
      storage.write(
          ObjectKey.of(key), ContentSource.ofBytes(before.get(key)), WriteCondition.none());
    }
    storage.delete(
        ObjectKey.of("dists/stable/main/binary-amd64/Packages.gz"), WriteCondition.none());

    ChangeReport<PackageRef> again = repo.publishSources("stable", "main", List.of(second));
    assertFalse(again.committed());
    assertEquals(
        List.of("second 1 amd64"), again.unchanged().stream().map(r -> r.toString()).toList());
    assertEquals(Settlement.CURRENT, again.derived());
    Repos.assertConsistent(storage, "stable", true);
  }

  /** Delegates to a storage and calls {@link #afterCommit()} after the first write of a key. */
  private abstract static class Interposer implements Storage {
    private final Storage delegate;
    private final String commitKey;
    private boolean fired;

    Interposer(Storage delegate, String commitKey) {
      this.delegate = delegate;
      this.commitKey = commitKey;
    }

    abstract void afterCommit() throws IOException;

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
      return delegate.stat(key);
    }

    @Override
    public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
      return delegate.read(key, range);
    }

    @Override
    public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
        throws IOException {
      ObjectInfo info = delegate.write(key, content, condition);
      if (!fired && key.value().equals(commitKey)) {
        fired = true;
        afterCommit();
      }
      return info;
    }

    @Override
    public void delete(ObjectKey key, WriteCondition condition) throws IOException {
      delegate.delete(key, condition);
    }

    @Override
    public ObjectListing list(String prefix) throws IOException {
      return delegate.list(prefix);
    }
  }
}
