package io.pinrepo.fs;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.ServerSideCopy;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
 * the upload. Keys whose first segment is {@code .pinrepo} are reserved.
 *
 * <p>The version token combines the file's inode, modification time and size, all of which a
 * replacement changes.
 */
public final class FileSystemStorage implements Storage, ServerSideCopy {

  static final String RESERVED = ".pinrepo";

  private final Path root;
  private final Path tmp;
  private final DirectoryLock lock;

  private FileSystemStorage(Path root) throws IOException {
    this.root = root;
    this.tmp = root.resolve(RESERVED).resolve("tmp");
    Files.createDirectories(tmp);
    this.lock = new DirectoryLock(root.resolve(RESERVED).resolve("lock"));
  }

  /** Opens (creating it if needed) the repository directory {@code root}. */
  public static FileSystemStorage open(Path root) throws IOException {
    Objects.requireNonNull(root, "root");
    return new FileSystemStorage(root.toAbsolutePath().normalize());
  }

  /** The directory this storage writes under. */
  public Path root() {
    return root;
  }

  /** The file that holds the object under {@code key}, present or not. */
  public Path pathOf(ObjectKey key) {
    if (key.segments().get(0).equals(RESERVED)) {
      throw new IllegalArgumentException("key " + key + " is reserved by the filesystem storage");
    }
    return root.resolve(key.value());
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
      ObjectInfo before = statPath(key, path).orElseThrow(() -> new ObjectNotFoundException(key));
      FileChannel channel;
      try {
        channel = FileChannel.open(path, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        throw new ObjectNotFoundException(key);
      }
      Optional<ObjectInfo> after = statPath(key, path);
      if (after.isPresent() && after.get().versionToken().equals(before.versionToken())) {
        return new ObjectStream(rangeOf(channel, range, before.size()), before);
      }
      channel.close();
      if (attempt > 100) {
        throw new IOException("object at " + key + " keeps changing while being opened");
      }
    }
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    Path target = pathOf(key);
    Path staged = stage(content);
    try {
      Files.createDirectories(target.getParent());
      try (DirectoryLock.Held held = lock.acquire()) {
        checkCondition(key, target, condition);
        move(staged, target);
      }
      return statPath(key, target).orElseThrow(() -> new ObjectNotFoundException(key));
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    Path target = pathOf(key);
    try (DirectoryLock.Held held = lock.acquire()) {
      checkCondition(key, target, condition);
      Files.deleteIfExists(target);
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

  private Path stage(ContentSource content) throws IOException {
    Path staged = tmp.resolve(UUID.randomUUID() + ".part");
    try (InputStream in = content.open();
        FileChannel channel =
            FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      in.transferTo(out);
      channel.force(true);
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

  private static void move(Path staged, Path target) throws IOException {
    try {
      Files.move(
          staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("filesystem under " + target + " cannot rename atomically", e);
    }
  }

  private static void checkCondition(ObjectKey key, Path target, WriteCondition condition)
      throws IOException {
    if (condition instanceof WriteCondition.None) {
      return;
    }
    Optional<ObjectInfo> current = statPath(key, target);
    boolean holds =
        condition instanceof WriteCondition.MustBeAbsent
            ? current.isEmpty()
            : current.isPresent()
                && current
                    .get()
                    .versionToken()
                    .equals(((WriteCondition.Matches) condition).versionToken());
    if (!holds) {
      throw new PreconditionFailedException(key, condition);
    }
  }

  static Optional<ObjectInfo> statPath(ObjectKey key, Path path) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
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
    channel.position(range.offset());
    return new BoundedInputStream(Channels.newInputStream(channel), last - range.offset() + 1);
  }
}
