package io.pinrepo.fs;

import io.pinrepo.parallel.Parallel;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.GroupWrites;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.ServerSideCopy;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.StoredContent;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@link Storage} on a local directory: each key is a file below the root, so the directory can be
 * served as-is by any static web server.
 *
 * <p>Writes go to a temporary file in {@code .pinrepo/tmp} on the same filesystem, are flushed to
 * disk, then moved into place atomically: a reader never sees a partial file. Every write and
 * delete (conditional or not) checks its condition and moves the file while holding an exclusive
 * lock on {@code .pinrepo/lock}, an OS file lock, so conditions hold across threads and across
 * processes sharing the directory. The critical section covers only the check and the rename, never
 * the upload. The storage's own files, {@code .pinrepo/tmp/} and {@code .pinrepo/lock}, are no
 * objects: those keys are reserved. Other keys under {@code .pinrepo/} (pinrepo's records, such as
 * access counts) are ordinary objects, as on every other backend.
 *
 * <p>The version token combines the file's inode, modification time and size. Every write stamps
 * the new file, under the lock, with the current time at microsecond precision and strictly after
 * the version it replaces, so a token is not repeated even when the filesystem reuses the inode of
 * a replaced file. Keys whose parent is itself an object cannot be stored (a file cannot also be a
 * directory); such a write fails with an {@link IOException} naming the key. Nor can directory keys
 * ({@code a/b/}): it does not hold {@link io.pinrepo.spi.DirectoryKeys}, and refuses one with
 * {@link IllegalArgumentException}. Deleting the last object under a directory removes the
 * directory.
 *
 * <p>{@link #writeAbsent} writes many new objects with a few flushes of the whole filesystem
 * instead of two per object: all are staged, the filesystem is flushed, they are moved into place
 * {@value #MOVES_PER_HOLD} at a time under the lock and the filesystem is flushed again before the
 * lock is let go. A moved file's bytes are on disk before its name, and its name before another
 * writer can act on it.
 */
public final class FileSystemStorage implements Storage, ServerSideCopy, GroupWrites {

  static final String RESERVED = ".pinrepo";

  /** The storage's own entries under {@link #RESERVED}: never objects. */
  private static final List<String> OWN = List.of("tmp", "lock");

  private static final List<Duration> COARSER_STEPS =
      List.of(Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ZERO);

  /** Threads of {@link #writeAbsent}: copying and moving are CPU and system calls, no waiting. */
  private static final int GROUP_THREADS =
      Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors()));

  /**
   * Objects moved into place per hold of the lock by {@link #writeAbsent}, whose names are flushed
   * before it is let go: other writers wait for at most this many moves and one flush.
   */
  private static final int MOVES_PER_HOLD = 1024;

  private final Path root;
  private final Path tmp;
  private final WholeFlush wholeFlush = new WholeFlush();
  private volatile DirectoryLock lock; // made by the first write or delete: see openExisting

  private FileSystemStorage(Path root) {
    this.root = root;
    this.tmp = root.resolve(RESERVED).resolve("tmp");
  }

  /** Opens (creating it if needed) the repository directory {@code root}. */
  public static FileSystemStorage open(Path root) throws IOException {
    Objects.requireNonNull(root, "root");
    FileSystemStorage storage = new FileSystemStorage(root.toAbsolutePath().normalize());
    storage.lock();
    return storage;
  }

  /**
   * Opens the existing directory {@code root} without creating anything in it: the storage's own
   * files ({@code .pinrepo/tmp}, {@code .pinrepo/lock}) are made by the first write or delete, so a
   * storage that is only read leaves the directory as it found it.
   *
   * @throws NoSuchFileException when {@code root} is not a directory
   */
  public static FileSystemStorage openExisting(Path root) throws IOException {
    Objects.requireNonNull(root, "root");
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString(), null, "not a directory");
    }
    return new FileSystemStorage(root.toAbsolutePath().normalize());
  }

  /** The directory this storage writes under. */
  public Path root() {
    return root;
  }

  /**
   * The file that holds the object under {@code key}, present or not.
   *
   * @throws IllegalArgumentException when the key is reserved ({@code .pinrepo/tmp/...}, {@code
   *     .pinrepo/lock}), a directory key ({@code a/b/}), or cannot be a file name in the JVM's file
   *     name encoding (run Java under a UTF-8 locale)
   */
  public Path pathOf(ObjectKey key) {
    if (key.isDirectory()) {
      throw new IllegalArgumentException(
          "key " + key + " is a directory key, which a filesystem cannot hold beside a directory");
    }
    if (isReserved(key.value())) {
      throw new IllegalArgumentException("key " + key + " is reserved by the filesystem storage");
    }
    try {
      return root.resolve(key.value());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "key "
              + key
              + " cannot be a file name in encoding "
              + System.getProperty("sun.jnu.encoding")
              + "; run Java under a UTF-8 locale",
          e);
    }
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
    return statPath(key, pathOf(key));
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    Path path = pathOf(key);
    // stat, open, stat again: equal tokens prove the opened file is the version described.
    for (int attempt = 0; ; attempt++) {
      if (attempt > 100) {
        throw new IOException("object at " + key + " keeps changing while being opened");
      }
      ObjectInfo before = statPath(key, path).orElseThrow(() -> new ObjectNotFoundException(key));
      FileChannel channel;
      try {
        channel = FileChannel.open(path, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        continue; // deleted or replaced between stat and open: the next stat tells which
      }
      try {
        Optional<ObjectInfo> after = statPath(key, path);
        if (after.isPresent() && after.get().versionToken().equals(before.versionToken())) {
          return new ObjectStream(rangeOf(channel, range, before.size()), before);
        }
      } catch (IOException | RuntimeException e) {
        closeAfterFailure(channel, e);
        throw e;
      }
      channel.close();
    }
  }

  @Override
  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    Path target = pathOf(key);
    DirectoryLock writers = lock();
    if (!(condition instanceof WriteCondition.None)) {
      // Fails now, before the bytes are staged and flushed, what would fail under the lock: a
      // publish re-using 10,000 pool files otherwise copies and flushes each only to delete it.
      checkCondition(key, statPath(key, target), condition);
    }
    Path staged =
        content instanceof StoredContent stored && stored.storage() == this
            ? linkOrStage(stored)
            : stage(content, true);
    ObjectInfo written;
    try {
      try (DirectoryLock.Held held = writers.acquire()) {
        Optional<ObjectInfo> current = statPath(key, target);
        checkCondition(key, current, condition);
        written = place(key, target, staged, current);
      }
      // Outside the lock, so that writers into other directories flush theirs at the same time.
      syncDirectory(target.getParent());
      return written;
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  @Override
  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  public Set<ObjectKey> writeAbsent(Map<ObjectKey, ContentSource> contents) throws IOException {
    DirectoryLock writers = lock();
    List<ObjectKey> absent = new ArrayList<>();
    for (ObjectKey key : contents.keySet()) {
      if (statPath(key, pathOf(key)).isEmpty()) {
        absent.add(key); // a key already held is not copied only to be refused
      }
    }
    if (absent.isEmpty()) {
      return Set.of();
    }
    Queue<Path> staged = new ConcurrentLinkedQueue<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(GROUP_THREADS, absent.size()), Parallel.daemonThreads("pinrepo-group"));
    try {
      List<Path> files =
          Parallel.map(
              pool,
              absent,
              key -> {
                Path file = stage(contents.get(key), false);
                staged.add(file);
                return file;
              });
      if (!wholeFlush.flush(tmp)) {
        for (Path file : files) {
          force(file);
        }
      }
      boolean[] placed = new boolean[absent.size()];
      List<Integer> order = new ArrayList<>(absent.size());
      for (int i = 0; i < absent.size(); i++) {
        order.add(i);
      }
      for (int from = 0; from < absent.size(); from += MOVES_PER_HOLD) {
        List<Integer> chunk = order.subList(from, Math.min(from + MOVES_PER_HOLD, absent.size()));
        try (DirectoryLock.Held held = writers.acquire()) {
          try {
            // Several threads move while this one holds the lock: distinct keys, each checked.
            Parallel.forEach(
                pool,
                chunk,
                i -> {
                  ObjectKey key = absent.get(i);
                  Path target = pathOf(key);
                  Optional<ObjectInfo> current = statPath(key, target);
                  if (current.isEmpty()) {
                    place(key, target, files.get(i), current);
                    placed[i] = true;
                  }
                });
          } catch (IOException | RuntimeException e) {
            settle(pool); // no move may run on once the lock is let go
            try {
              flushNames(chunk, absent, placed);
            } catch (IOException | RuntimeException flush) {
              e.addSuppressed(flush);
            }
            throw e;
          }
          // Before the lock is let go: a writer that finds one of these names (and may commit an
          // index naming it) takes the lock first, so it finds the name on disk.
          flushNames(chunk, absent, placed);
        }
      }
      Set<ObjectKey> written = new LinkedHashSet<>();
      for (int i = 0; i < absent.size(); i++) {
        if (placed[i]) {
          written.add(absent.get(i));
        }
      }
      return written;
    } finally {
      settle(pool); // a staging task cancelled by a failure may still be writing its file
      for (Path file : staged) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * Makes the names of the placed keys among {@code indices} durable: the whole filesystem flushed,
   * or each of their directories where it cannot be.
   */
  private void flushNames(List<Integer> indices, List<ObjectKey> keys, boolean[] placed)
      throws IOException {
    if (indices.stream().noneMatch(i -> placed[i]) || wholeFlush.flush(tmp)) {
      return;
    }
    Set<Path> directories = new LinkedHashSet<>();
    for (int i : indices) {
      if (placed[i]) {
        directories.add(pathOf(keys.get(i)).getParent());
      }
    }
    for (Path directory : directories) {
      syncDirectory(directory);
    }
  }

  /** Waits, through interrupts, until no task of {@code pool} runs. */
  private static void settle(ExecutorService pool) {
    pool.shutdownNow();
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true; // the flag is clear now; wait on, then set it again
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Moves {@code staged} to {@code target}, under the lock, after its condition was checked against
   * {@code current}; returns the new version.
   */
  private ObjectInfo place(ObjectKey key, Path target, Path staged, Optional<ObjectInfo> current)
      throws IOException {
    if (!Files.isDirectory(target.getParent())) {
      createParents(key, target);
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(
          "cannot write " + key + ": objects exist under " + key + "/ on this filesystem");
    }
    stamp(staged, current);
    move(staged, target);
    // stat inside the lock: after it, another writer may already have replaced this version
    return statPath(key, target).orElseThrow(() -> new ObjectNotFoundException(key));
  }

  @Override
  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    Path target = pathOf(key);
    try (DirectoryLock.Held held = lock().acquire()) {
      Optional<ObjectInfo> current = statPath(key, target);
      checkCondition(key, current, condition);
      if (current.isPresent()) {
        Files.delete(target);
        pruneEmptyParents(target);
      }
    }
  }

  @Override
  public ObjectListing list(String prefix) throws IOException {
    return new FileSystemListing(root, prefix);
  }

  @Override
  public ObjectInfo copy(
      ObjectKey source, Storage destination, ObjectKey target, WriteCondition condition)
      throws IOException {
    Path from = pathOf(source);
    if (!Files.isRegularFile(from)) {
      throw new ObjectNotFoundException(source);
    }
    return destination.write(target, ContentSource.ofPath(from), condition);
  }

  @Override
  public boolean canCopyTo(Storage destination) {
    return destination instanceof FileSystemStorage;
  }

  @Override
  public String toString() {
    return "file:" + root;
  }

  /** For tests: {@link #writeAbsent} flushes file by file, as where a filesystem cannot at once. */
  void flushFileByFile() {
    wholeFlush.disable();
  }

  /** The lock, made with the staging directory on first use. */
  private DirectoryLock lock() throws IOException {
    DirectoryLock made = lock;
    if (made == null) {
      synchronized (this) {
        made = lock;
        if (made == null) {
          Files.createDirectories(tmp);
          made = new DirectoryLock(root.resolve(RESERVED).resolve("lock"));
          lock = made;
        }
      }
    }
    return made;
  }

  /** Copies {@code content} into a new file in the staging directory, flushed if {@code flush}. */
  private Path stage(ContentSource content, boolean flush) throws IOException {
    Path staged = tmp.resolve(UUID.randomUUID() + ".part");
    try (InputStream in = content.open();
        FileChannel channel =
            FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      in.transferTo(out);
      if (flush) {
        channel.force(true);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(staged);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return staged;
  }

  /**
   * A new name for the file of {@code stored}'s object, which never changes: a hard link writes and
   * flushes no data (for an index, the legacy path beside its by-hash name). Staged from the bytes
   * where the filesystem cannot link or the file is not there.
   */
  private Path linkOrStage(StoredContent stored) throws IOException {
    Path staged = tmp.resolve(UUID.randomUUID() + ".part");
    Path existing = pathOf(stored.key());
    try {
      if (stored.content().size().equals(OptionalLong.of(Files.size(existing)))) {
        return Files.createLink(staged, existing);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // no such file, another device, no hard links here: take the bytes
    }
    return stage(stored, true);
  }

  private static void move(Path staged, Path target) throws IOException {
    try {
      Files.move(
          staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("filesystem under " + target + " cannot rename atomically", e);
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Flushes a directory's entries, so that a rename that returned survives a power cut: a commit
   * that reported success must not come back as the previous top. Where the platform cannot open a
   * directory (Windows), the rename's own durability is all there is.
   */
  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (AccessDeniedException | UnsupportedOperationException e) {
      // Not possible on this platform; nothing more to do.
    }
  }

  private static void checkCondition(
      ObjectKey key, Optional<ObjectInfo> current, WriteCondition condition)
      throws PreconditionFailedException {
    boolean holds;
    if (condition instanceof WriteCondition.MustBeAbsent) {
      holds = current.isEmpty();
    } else if (condition instanceof WriteCondition.Matches m) {
      holds = current.isPresent() && current.get().versionToken().equals(m.versionToken());
    } else {
      holds = true;
    }
    if (!holds) {
      throw new PreconditionFailedException(key, condition);
    }
  }

  /**
   * Gives the staged file a modification time that is now, at microsecond precision, and strictly
   * after the version it replaces. The version token combines inode, modification time and size;
   * the filesystem hands a replaced file's inode to the next new file at once and its own clock
   * ticks in milliseconds, so without this a later version of the same size could repeat the token
   * of an earlier one and let a stale writer win.
   */
  private static void stamp(Path staged, Optional<ObjectInfo> current) throws IOException {
    Instant floor = current.map(ObjectInfo::lastModified).orElse(Instant.EPOCH);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Instant wanted = now.isAfter(floor) ? now : floor.plus(1, ChronoUnit.MICROS);
    for (Duration step : COARSER_STEPS) {
      Files.setLastModifiedTime(staged, FileTime.from(wanted));
      if (Files.getLastModifiedTime(staged).toInstant().isAfter(floor)) {
        return;
      }
      wanted = floor.plus(step); // the filesystem keeps coarser times than it was given
    }
    throw new IOException(
        "the filesystem under " + staged.getParent() + " cannot keep distinct modification times");
  }

  private static void createParents(ObjectKey key, Path target) throws IOException {
    try {
      Files.createDirectories(target.getParent());
    } catch (FileSystemException e) {
      if (e instanceof NoSuchFileException || !underFile(target)) {
        throw e;
      }
      throw new IOException(
          "cannot write " + key + ": a parent of it is an object on this filesystem", e);
    }
  }

  private void pruneEmptyParents(Path deleted) throws IOException {
    for (Path dir = deleted.getParent(); !dir.equals(root); dir = dir.getParent()) {
      try {
        Files.delete(dir);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      }
    }
  }

  /** Whether some parent of {@code path} is a regular file, so that {@code path} cannot exist. */
  private static boolean underFile(Path path) {
    for (Path p = path.getParent(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code key} names the storage's own files rather than an object: {@code .pinrepo}
   * itself, {@code .pinrepo/tmp}, {@code .pinrepo/lock} and anything under them.
   */
  static boolean isReserved(String key) {
    if (key.equals(RESERVED)) {
      return true;
    }
    if (!key.startsWith(RESERVED + "/")) {
      return false;
    }
    String rest = key.substring(RESERVED.length() + 1);
    int slash = rest.indexOf('/');
    return OWN.contains(slash < 0 ? rest : rest.substring(0, slash));
  }

  private static void closeAfterFailure(FileChannel channel, Exception failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  static Optional<ObjectInfo> statPath(ObjectKey key, Path path) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (FileSystemException e) {
      if (underFile(path)) {
        return Optional.empty(); // "not a directory": a parent is an object, so this is none
      }
      throw e;
    }
    if (!attrs.isRegularFile()) {
      return Optional.empty();
    }
    return Optional.of(
        new ObjectInfo(key, attrs.size(), token(attrs), attrs.lastModifiedTime().toInstant()));
  }

  private static String token(BasicFileAttributes attrs) {
    Object fileKey = attrs.fileKey();
    String identity = fileKey == null ? "" : fileKey.toString().replaceAll("[^0-9a-zA-Z]+", "");
    long mtime = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    return identity + "-" + Long.toHexString(mtime) + "-" + Long.toHexString(attrs.size());
  }

  private static InputStream rangeOf(FileChannel channel, ByteRange range, long size)
      throws IOException {
    long last = range.lastIndex(size);
    if (last < 0) {
      channel.close();
      return InputStream.nullInputStream();
    }
    try {
      channel.position(range.offset());
    } catch (IOException e) {
      closeAfterFailure(channel, e);
      throw e;
    }
    return new BoundedInputStream(Channels.newInputStream(channel), last - range.offset() + 1);
  }
}
