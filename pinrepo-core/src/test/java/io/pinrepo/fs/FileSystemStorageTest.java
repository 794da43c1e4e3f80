package io.pinrepo.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the filesystem storage promises beyond the storage contract (run in pinrepo-testkit). */
class FileSystemStorageTest {

  @TempDir Path dir;

  private static ObjectKey key(String value) {
    return ObjectKey.of(value);
  }

  private static ObjectInfo put(FileSystemStorage storage, String key, String text)
      throws IOException {
    return storage.write(key(key), ContentSource.ofUtf8(text), WriteCondition.none());
  }

  private static List<String> keys(FileSystemStorage storage, String prefix) throws IOException {
    try (ObjectListing listing = storage.list(prefix)) {
      return listing.toList().stream().map(i -> i.key().value()).toList();
    }
  }

  @Test
  void storesEachKeyAsAPlainFileUnderTheRoot() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);

    put(storage, "dists/stable/Release", "Origin: x\n");

    assertEquals("Origin: x\n", Files.readString(dir.resolve("dists/stable/Release")));
    assertEquals(dir.resolve("dists/stable/Release"), storage.pathOf(key("dists/stable/Release")));
  }

  @Test
  void twoInstancesOnOneDirectoryLetExactlyOneMustBeAbsentWriterWin() throws Exception {
    List<FileSystemStorage> instances =
        List.of(FileSystemStorage.open(dir), FileSystemStorage.open(dir));
    int writers = 8;
    for (int round = 0; round < 10; round++) {
      ObjectKey target = key("race/" + round);
      List<Callable<Boolean>> moves = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        FileSystemStorage storage = instances.get(w % 2);
        String content = "writer " + w;
        moves.add(
            () -> {
              try {
                storage.write(target, ContentSource.ofUtf8(content), WriteCondition.mustBeAbsent());
                return true;
              } catch (PreconditionFailedException lost) {
                return false;
              }
            });
      }
      assertEquals(1, race(moves).stream().filter(won -> won).count(), "round " + round);
    }
  }

  @Test
  void tokensStayDistinctAcrossReplaceDeleteAndRecreateOfTheSameSize() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    Set<String> tokens = new HashSet<>();

    for (int i = 0; i < 50; i++) {
      ObjectInfo info = put(storage, "top", String.format("%04d", i));
      assertTrue(tokens.add(info.versionToken()), "repeated token at " + i);
      if (i % 3 == 0) {
        storage.delete(key("top"), WriteCondition.none());
      }
    }
  }

  @Test
  void aFailedWriteLeavesNoStagedFileBehind() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    ContentSource failing =
        new ContentSource() {
          @Override
          public InputStream open() {
            return new InputStream() {
              private int left = 10_000;

              @Override
              public int read() throws IOException {
                if (left == 0) {
                  throw new IOException("broken source");
                }
                left--;
                return 'x';
              }
            };
          }

          @Override
          public OptionalLong size() {
            return OptionalLong.empty();
          }
        };

    assertThrows(IOException.class, () -> storage.write(key("a"), failing, WriteCondition.none()));
    put(storage, "b", "x");
    assertThrows(
        PreconditionFailedException.class,
        () -> storage.write(key("b"), ContentSource.ofUtf8("y"), WriteCondition.mustBeAbsent()));

    try (Stream<Path> staged = Files.list(dir.resolve(".pinrepo/tmp"))) {
      assertEquals(List.of(), staged.toList());
    }
    assertFalse(Files.exists(dir.resolve("a")));
  }

  @Test
  void theStoragesOwnFilesAreNeitherWritableNorListed() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    put(storage, "a", "x");

    assertThrows(IllegalArgumentException.class, () -> put(storage, ".pinrepo/lock", "x"));
    assertThrows(IllegalArgumentException.class, () -> put(storage, ".pinrepo/tmp/x", "x"));
    assertThrows(IllegalArgumentException.class, () -> put(storage, ".pinrepo", "x"));
    assertEquals(List.of("a"), keys(storage, ""));
    assertEquals(List.of(), keys(storage, ".pinrepo"));
    assertEquals(List.of(), keys(storage, ".pinrepo/"));
    assertEquals(List.of(), keys(storage, ".pinrepo/tmp/"));
  }

  @Test
  void pinreposOwnRecordsUnderTheReservedDirectoryAreObjects() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    put(storage, "a", "x");
    put(storage, ".pinrepo/access/2025-01-01/node.tsv", "counts");
    put(storage, ".pinrepo/tmpfile", "not the staging directory");

    assertEquals(
        List.of(".pinrepo/access/2025-01-01/node.tsv", ".pinrepo/tmpfile", "a"), keys(storage, ""));
    assertEquals(List.of(".pinrepo/access/2025-01-01/node.tsv"), keys(storage, ".pinrepo/a"));
    storage.delete(ObjectKey.of(".pinrepo/access/2025-01-01/node.tsv"), WriteCondition.none());
    assertEquals(List.of(".pinrepo/tmpfile", "a"), keys(storage, ""));
    assertTrue(Files.isDirectory(dir.resolve(".pinrepo/tmp")), "its own files stay");
  }

  @Test
  void deletingTheLastObjectInADirectoryRemovesItSoTheNameCanBeAnObject() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    put(storage, "a/b/c", "x");
    put(storage, "keep", "y");

    storage.delete(key("a/b/c"), WriteCondition.none());
    put(storage, "a", "now an object");

    assertFalse(Files.exists(dir.resolve("a/b")));
    assertEquals(List.of("a", "keep"), keys(storage, ""));
  }

  @Test
  void anObjectAndADirectoryOfTheSameNameCannotCoexist() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    put(storage, "file", "x");
    put(storage, "dir/child", "y");

    IOException under = assertThrows(IOException.class, () -> put(storage, "file/child", "z"));
    IOException over = assertThrows(IOException.class, () -> put(storage, "dir", "z"));

    assertTrue(under.getMessage().contains("file/child"), under.getMessage());
    assertTrue(over.getMessage().contains("dir"), over.getMessage());
    assertEquals(List.of("dir/child", "file"), keys(storage, ""));
  }

  @Test
  void deletingADirectoryNameIsANoOp() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    put(storage, "dir/child", "y");

    storage.delete(key("dir"), WriteCondition.none());

    assertEquals(List.of("dir/child"), keys(storage, ""));
  }

  @Test
  void filesNoKeyCanNameAreNotListed() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    put(storage, "ok", "x");
    Files.writeString(dir.resolve("back\\slash"), "x");
    Files.writeString(dir.resolve("tab\tname"), "x");

    assertEquals(List.of("ok"), keys(storage, ""));
  }

  @Test
  void readingReportsTheTokenThatStatReports() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    ObjectInfo written = put(storage, "a", "hello");

    try (ObjectStream in = storage.read(key("a"))) {
      assertEquals(written, in.info());
      assertEquals(written, storage.stat(key("a")).orElseThrow());
    }
    assertNotEquals(written.versionToken(), put(storage, "a", "world").versionToken());
  }

  @Test
  void copyWritesTheSourceBytesToAnotherStorage() throws IOException {
    FileSystemStorage source = FileSystemStorage.open(dir.resolve("one"));
    FileSystemStorage target = FileSystemStorage.open(dir.resolve("two"));
    put(source, "pool/a.deb", "deb");

    assertTrue(source.canCopyTo(target));
    source.copy(key("pool/a.deb"), target, key("pool/a.deb"), WriteCondition.mustBeAbsent());

    assertEquals("deb", Files.readString(dir.resolve("two/pool/a.deb"), StandardCharsets.UTF_8));
  }

  private static List<Boolean> race(List<Callable<Boolean>> moves) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(moves.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (Callable<Boolean> move : moves) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return move.call();
                }));
      }
      go.countDown();
      List<Boolean> results = new ArrayList<>();
      for (Future<Boolean> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
