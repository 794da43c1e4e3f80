package io.pinrepo.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.StoredContent;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
  void openingAnExistingDirectoryCreatesNothingUntilTheFirstWrite() throws IOException {
    Path root = Files.createDirectories(dir.resolve("existing"));
    FileSystemStorage storage = FileSystemStorage.openExisting(root);
    assertTrue(storage.stat(key("dists/stable/Release")).isEmpty());
    assertEquals(List.of(), keys(storage, ""));
    try (Stream<Path> entries = Files.list(root)) {
      assertEquals(List.of(), entries.toList());
    }

    put(storage, "dists/stable/Release", "Origin: x\n");
    assertEquals(List.of("dists/stable/Release"), keys(storage, ""));
    assertTrue(Files.isRegularFile(root.resolve(".pinrepo/lock")));
  }

  @Test
  void openingAnExistingDirectoryThatIsMissingFailsAndCreatesNothing() {
    Path missing = dir.resolve("missing");
    assertThrows(
        java.nio.file.NoSuchFileException.class, () -> FileSystemStorage.openExisting(missing));
    assertFalse(Files.exists(missing));
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

  @ParameterizedTest(name = "flushing the whole filesystem: {0}")
  @ValueSource(booleans = {true, false})
  void aGroupWritesOnlyWhereNoObjectIsAndLeavesNothingStaged(boolean wholeFlush)
      throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    if (!wholeFlush) {
      storage.flushFileByFile();
    }
    put(storage, "pool/b/taken", "first");
    Map<ObjectKey, ContentSource> contents = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      contents.put(key("pool/a/p" + i + "/f" + i + ".deb"), ContentSource.ofUtf8("bytes " + i));
    }
    contents.put(key("pool/b/taken"), ContentSource.ofUtf8("second"));

    Set<ObjectKey> written = storage.writeAbsent(contents);

    Set<ObjectKey> expected = new HashSet<>(contents.keySet());
    expected.remove(key("pool/b/taken"));
    assertEquals(expected, written);
    for (int i = 0; i < 40; i++) {
      assertEquals("bytes " + i, Files.readString(dir.resolve("pool/a/p" + i + "/f" + i + ".deb")));
    }
    assertEquals("first", Files.readString(dir.resolve("pool/b/taken")));
    try (Stream<Path> staged = Files.list(dir.resolve(".pinrepo/tmp"))) {
      assertEquals(List.of(), staged.toList());
    }
    // Versions as write gives them: a later conditional write on one succeeds.
    ObjectInfo info = storage.stat(key("pool/a/p0/f0.deb")).orElseThrow();
    storage.write(
        key("pool/a/p0/f0.deb"),
        ContentSource.ofUtf8("again"),
        WriteCondition.matches(info.versionToken()));
  }

  @Test
  void aGroupWhoseSourceFailsLeavesNoObjectAndNoStagedFile() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    Map<ObjectKey, ContentSource> contents = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      contents.put(key("g/" + i), ContentSource.ofUtf8("fine " + i));
    }
    contents.put(
        key("g/broken"),
        new ContentSource() {
          @Override
          public InputStream open() throws IOException {
            throw new IOException("broken source");
          }

          @Override
          public OptionalLong size() {
            return OptionalLong.empty();
          }
        });

    IOException e = assertThrows(IOException.class, () -> storage.writeAbsent(contents));

    assertEquals("broken source", e.getMessage());
    assertEquals(List.of(), keys(storage, "g/"));
    assertFalse(Files.exists(dir.resolve("g")), "no directory is made before a file is moved");
    try (Stream<Path> staged = Files.list(dir.resolve(".pinrepo/tmp"))) {
      assertEquals(List.of(), staged.toList());
    }
  }

  @Test
  void aGroupWhoseMoveFailsNamesTheKeyAndLeavesNothingStaged() throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    put(storage, "f", "an object where a directory would have to be");
    Map<ObjectKey, ContentSource> contents = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      contents.put(key("g/" + i), ContentSource.ofUtf8("fine " + i));
    }
    contents.put(key("f/x"), ContentSource.ofUtf8("cannot be"));

    IOException e = assertThrows(IOException.class, () -> storage.writeAbsent(contents));

    assertTrue(e.getMessage().contains("f/x"), e.getMessage());
    assertEquals(
        "an object where a directory would have to be", Files.readString(dir.resolve("f")));
    try (Stream<Path> staged = Files.list(dir.resolve(".pinrepo/tmp"))) {
      assertEquals(List.of(), staged.toList());
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

  @Test
  void contentItAlreadyHoldsIsLinkedNotCopiedAndReplacedLaterWithoutTouchingTheOriginal()
      throws Exception {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    byte[] bytes = "Package: a\n".getBytes(StandardCharsets.UTF_8);
    storage.write(key("by-hash/x"), ContentSource.ofBytes(bytes), WriteCondition.mustBeAbsent());
    ObjectInfo old = put(storage, "Packages", "old");

    storage.write(
        key("Packages"),
        new StoredContent(storage, key("by-hash/x"), ContentSource.ofBytes(bytes)),
        WriteCondition.matches(old.versionToken()));

    assertEquals(inode("by-hash/x"), inode("Packages"), "one file under two names");
    assertNotEquals(old.versionToken(), storage.stat(key("Packages")).orElseThrow().versionToken());
    put(storage, "Packages", "newer");
    assertEquals("Package: a\n", Files.readString(dir.resolve("by-hash/x")));
    assertEquals("newer", Files.readString(dir.resolve("Packages")));
  }

  @Test
  void contentHeldByAnotherStorageOrMissingIsWrittenFromItsBytes() throws Exception {
    FileSystemStorage storage = FileSystemStorage.open(dir.resolve("a"));
    FileSystemStorage other = FileSystemStorage.open(dir.resolve("b"));
    byte[] bytes = "text".getBytes(StandardCharsets.UTF_8);
    other.write(key("x"), ContentSource.ofBytes(bytes), WriteCondition.none());

    storage.write(
        key("y"),
        new StoredContent(other, key("x"), ContentSource.ofBytes(bytes)),
        WriteCondition.none());
    storage.write(
        key("z"),
        new StoredContent(storage, key("gone"), ContentSource.ofBytes(bytes)),
        WriteCondition.none());

    assertEquals("text", Files.readString(dir.resolve("a/y")));
    assertEquals("text", Files.readString(dir.resolve("a/z")));
    assertNotEquals(
        Files.readAttributes(dir.resolve("b/x"), BasicFileAttributes.class).fileKey(),
        Files.readAttributes(dir.resolve("a/y"), BasicFileAttributes.class).fileKey());
  }

  @Test
  void aForwardingStorageLetsItsDelegateLinkWhatBothHold() throws Exception {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    Storage forwarding = new ForwardingStorage(storage) {};
    byte[] bytes = "index".getBytes(StandardCharsets.UTF_8);
    forwarding.write(key("by-hash/y"), ContentSource.ofBytes(bytes), WriteCondition.none());

    forwarding.write(
        key("Packages"),
        new StoredContent(forwarding, key("by-hash/y"), ContentSource.ofBytes(bytes)),
        WriteCondition.none());

    assertEquals(inode("by-hash/y"), inode("Packages"));
  }

  private Object inode(String key) throws IOException {
    return Files.readAttributes(dir.resolve(key), BasicFileAttributes.class).fileKey();
  }
}
