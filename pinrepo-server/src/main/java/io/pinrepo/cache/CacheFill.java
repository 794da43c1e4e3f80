package io.pinrepo.cache;

import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * Copies one object from the origin into a new cache file, crash-safely: into a locked temporary
 * file, hashing as it goes in constant memory; the byte count checked against the size the origin
 * announced; flushed to disk; only then renamed atomically to its entry name. A crash at any point
 * leaves at most a temporary file, which is never served and is deleted by the next start.
 */
final class CacheFill {

  private static final int BUFFER = 64 * 1024;

  /** One step on the local disk. */
  @FunctionalInterface
  private interface LocalStep<T> {
    T run() throws IOException;
  }

  private CacheFill() {}

  /**
   * Fills the cache file for the version {@code in} yields, reading {@code in} to its end (the
   * caller closes it); returns the new entry, validated at {@code fetchedAt}. Nothing is left under
   * the entry's name when it fails.
   *
   * @throws LocalWriteException when the local disk fails
   * @throws IOException when reading from the origin fails, or the origin sends more or fewer bytes
   *     than its info says
   */
  static Entry fill(CacheDirectory directory, ObjectStream in, Instant fetchedAt)
      throws IOException {
    ObjectInfo info = in.info();
    CacheDirectory.Temp temp = local(info, directory::newTemp);
    FileChannel channel = temp.channel();
    boolean renamed = false;
    try {
      int headerLength = EntryHeader.length(info);
      local(info, () -> writeHeader(channel, info, fetchedAt));
      byte[] sha256 = copy(in, channel, info);
      Path target = directory.fileFor(info.key(), info.versionToken());
      local(
          info,
          () -> {
            EntryHeader.writeDigest(channel, sha256);
            channel.force(true);
            Files.setLastModifiedTime(temp.path(), directory.nextStamp());
            directory.makeShardOf(target);
            // renamed while still locked, so no starting process's cleanup deletes it
            return Files.move(temp.path(), target, StandardCopyOption.ATOMIC_MOVE);
          });
      renamed = true;
      return new Entry(info, target, headerLength, fetchedAt);
    } catch (IOException | RuntimeException e) {
      if (!renamed) {
        try {
          Files.deleteIfExists(temp.path());
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    } finally {
      channel.close();
    }
  }

  private static Void writeHeader(FileChannel channel, ObjectInfo info, Instant fetchedAt)
      throws IOException {
    new EntryHeader(info, fetchedAt, new byte[32]).writeTo(channel);
    channel.position(EntryHeader.length(info));
    return null;
  }

  private static byte[] copy(ObjectStream in, FileChannel channel, ObjectInfo info)
      throws IOException {
    MessageDigest digest = HashAlgorithm.SHA256.newDigest();
    byte[] buffer = new byte[BUFFER];
    long copied = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      copied += n;
      if (copied > info.size()) {
        break;
      }
      digest.update(buffer, 0, n);
      ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
      local(info, () -> writeFully(channel, chunk));
    }
    if (copied != info.size()) {
      throw new IOException(
          "origin sent "
              + (copied > info.size() ? "more than " + info.size() : copied)
              + " bytes of "
              + info.key()
              + " whose size is "
              + info.size());
    }
    return digest.digest();
  }

  private static Void writeFully(FileChannel channel, ByteBuffer chunk) throws IOException {
    while (chunk.hasRemaining()) {
      channel.write(chunk);
    }
    return null;
  }

  private static <T> T local(ObjectInfo info, LocalStep<T> step) throws IOException {
    try {
      return step.run();
    } catch (LocalWriteException e) {
      throw e;
    } catch (IOException e) {
      throw new LocalWriteException("cannot cache " + info.key() + ": " + e, e);
    }
  }
}
