package io.pinrepo.cache;

import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ObjectKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The cache directory on disk and every file operation on it:
 *
 * <pre>
 * DIR/PINREPO-CACHE                  marks the directory as a cache (format 1)
 * DIR/tmp/UUID.part                  a fill in progress, locked by its writer while it runs
 * DIR/data/KK/KEYHASH-TOKENHASH      a whole entry: {@link EntryHeader}, then the object's bytes
 * </pre>
 *
 * KEYHASH is the SHA-256 of the key in hex, KK its first two digits, TOKENHASH the first 16 hex
 * digits of the SHA-256 of the version token: a file's name says which version of which key it
 * holds, and its content never changes once it has that name. A file's modification time is the
 * time it was last used (stamped strictly increasing), so a restart recovers the LRU order.
 */
final class CacheDirectory {

  /** The marker file's name. */
  static final String MARKER = "PINREPO-CACHE";

  private static final String MARKER_TEXT = "pinrepo read-through cache, format 1\n";
  private static final String PART = ".part";

  private final Path root;
  private final Path data;
  private final Path tmp;
  private final Clock clock;
  private final AtomicLong lastStamp = new AtomicLong();

  /** A fill's temporary file, open for writing and locked until closed. */
  record Temp(Path path, FileChannel channel) {}

  /** An entry found on disk and the time it was last used. */
  record Found(Entry entry, FileTime lastUsed) {}

  private CacheDirectory(Path root, Clock clock) {
    this.root = root;
    this.data = root.resolve("data");
    this.tmp = root.resolve("tmp");
    this.clock = clock;
  }

  /**
   * Opens {@code root} as a cache directory, creating it when it is missing or empty.
   *
   * @throws IOException when {@code root} holds other files, so the cache never deletes them
   */
  static CacheDirectory open(Path root, Clock clock) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path marker = dir.resolve(MARKER);
    if (!Files.exists(marker)) {
      boolean empty;
      try (Stream<Path> files = Files.list(dir)) {
        empty = files.findAny().isEmpty();
      }
      if (!empty && !Files.exists(marker)) { // (a racing process writes the marker first)
        throw new IOException(
            "cache directory " + dir + " is not empty and has no " + MARKER + " file");
      }
      try {
        Files.writeString(marker, MARKER_TEXT, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        // another process made it a cache at the same moment
      }
    }
    // a prefix is ours too: being written by a racing process, or cut short by a crash
    if (!MARKER_TEXT.startsWith(Files.readString(marker, StandardCharsets.UTF_8))) {
      throw new IOException("cache directory " + dir + " holds another format: see " + marker);
    }
    CacheDirectory directory = new CacheDirectory(dir, clock);
    Files.createDirectories(directory.tmp);
    Files.createDirectories(directory.data); // shards are made as needed, never removed
    return directory;
  }

  Path root() {
    return root;
  }

  /** Creates the directory {@code file} (from {@link #fileFor}) goes in. */
  void makeShardOf(Path file) throws IOException {
    Files.createDirectories(file.getParent());
  }

  /** The file that holds version {@code token} of {@code key}, whether or not it exists. */
  Path fileFor(ObjectKey key, String token) {
    String k = keyHash(key);
    return data.resolve(k.substring(0, 2)).resolve(k + "-" + hex(token).substring(0, 16));
  }

  /** Creates a new temporary file, open and locked so no other process's cleanup deletes it. */
  Temp newTemp() throws IOException {
    while (true) {
      Path path = tmp.resolve(UUID.randomUUID() + PART);
      FileChannel channel =
          FileChannel.open(
              path,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ);
      try {
        channel.lock();
        if (Files.exists(path)) { // else a starting process's cleanup took it before our lock
          return new Temp(path, channel);
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(path);
        closeAfter(channel, e);
        throw e;
      }
      channel.close();
    }
  }

  /**
   * Deletes the temporary files of fills whose writer is gone (killed mid-fill): those no process
   * holds a lock on. Returns how many it deleted.
   */
  int cleanTemps() throws IOException {
    int deleted = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "*" + PART)) {
      for (Path part : parts) {
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock()) {
          if (lock != null) {
            Files.deleteIfExists(part);
            deleted++;
          }
        } catch (NoSuchFileException | OverlappingFileLockException e) {
          // finished meanwhile, or being written by this JVM
        }
      }
    }
    return deleted;
  }

  /**
   * Every whole entry on disk, least recently used first, one per key (the most recently fetched
   * version); deletes files that are not whole entries and older versions.
   */
  List<Found> scan() throws IOException {
    Map<ObjectKey, Found> newest = new HashMap<>();
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(data)) {
      for (Path shard : shards) {
        if (!Files.isDirectory(shard)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
          for (Path file : files) {
            keepNewest(newest, file);
          }
        }
      }
    }
    List<Found> all = new ArrayList<>(newest.values());
    all.sort(Comparator.comparing(Found::lastUsed));
    all.forEach(f -> lastStamp.accumulateAndGet(micros(f.lastUsed().toInstant()), Math::max));
    return all;
  }

  private void keepNewest(Map<ObjectKey, Found> newest, Path file) throws IOException {
    FileTime lastUsed;
    try {
      lastUsed = Files.getLastModifiedTime(file);
    } catch (NoSuchFileException e) {
      return; // deleted by another process meanwhile
    }
    Optional<Entry> entry = adopt(file);
    if (entry.isEmpty()) {
      return;
    }
    Found found = new Found(entry.get(), lastUsed);
    Found other = newest.get(entry.get().key());
    Found keep = other == null || newer(found, other) ? found : other;
    newest.put(entry.get().key(), keep);
    if (other != null) {
      Files.deleteIfExists((keep == found ? other : found).entry().file());
    }
  }

  /** The entry in the file for version {@code token} of {@code key}, if it is whole. */
  Optional<Entry> probe(ObjectKey key, String token) throws IOException {
    return adopt(fileFor(key, token));
  }

  /** The most recently fetched whole entry of any version of {@code key}. */
  Optional<Entry> probeAny(ObjectKey key) throws IOException {
    Entry best = null;
    for (Path file : versionsOf(key)) {
      Optional<Entry> entry = adopt(file);
      if (entry.isPresent()
          && (best == null || entry.get().validatedAt().isAfter(best.validatedAt()))) {
        best = entry.get();
      }
    }
    return Optional.ofNullable(best);
  }

  /** Deletes the files of every version of {@code key}. */
  void deleteAll(ObjectKey key) throws IOException {
    for (Path file : versionsOf(key)) {
      Files.deleteIfExists(file);
    }
  }

  /** Deletes one entry's file. */
  void delete(Entry entry) throws IOException {
    Files.deleteIfExists(entry.file());
  }

  /** Stamps {@code file} as used now; a file deleted meanwhile is ignored. */
  void touch(Path file) throws IOException {
    try {
      FileTime stamp = nextStamp(); // both times given: no stat needed before the update
      Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(stamp, stamp, null);
    } catch (NoSuchFileException e) {
      // evicted or invalidated by another thread or process: nothing to remember
    }
  }

  /** A use time strictly after every earlier one, even when the clock stands still. */
  FileTime nextStamp() {
    long now = micros(clock.instant());
    long stamp = lastStamp.accumulateAndGet(now, (last, t) -> Math.max(last + 1, t));
    return FileTime.from(stamp, TimeUnit.MICROSECONDS);
  }

  private Optional<Entry> adopt(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      EntryHeader header;
      try {
        header = EntryHeader.readFrom(channel, channel.size());
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file); // never whole: renamed in whole, so damaged since
        return Optional.empty();
      }
      if (!fileFor(header.info().key(), header.info().versionToken()).equals(file)) {
        Files.deleteIfExists(file);
        return Optional.empty();
      }
      int headerLength = EntryHeader.length(header.info());
      return Optional.of(new Entry(header.info(), file, headerLength, header.fetchedAt()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private List<Path> versionsOf(ObjectKey key) throws IOException {
    String k = keyHash(key);
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(data.resolve(k.substring(0, 2)), k + "-*")) {
      stream.forEach(files::add);
    } catch (NoSuchFileException e) {
      // no shard yet: nothing cached under it
    }
    return files;
  }

  private static boolean newer(Found a, Found b) {
    return a.entry().validatedAt().isAfter(b.entry().validatedAt());
  }

  private static String keyHash(ObjectKey key) {
    return hex(key.value());
  }

  private static String hex(String s) {
    return HexFormat.of()
        .formatHex(HashAlgorithm.SHA256.newDigest().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static void closeAfter(FileChannel channel, Exception failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
