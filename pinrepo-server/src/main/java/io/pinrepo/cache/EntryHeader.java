package io.pinrepo.cache;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The self-describing header at the start of every cache file, before the object's bytes: which key
 * and version the file holds, how long the body is, when it was fetched and the body's SHA-256. A
 * restart rebuilds the cache from these headers alone.
 *
 * <p>Layout, big-endian: magic {@code PRC1}; int header length; long body size; long and int of the
 * version's last-modified instant; long fetched-at epoch milliseconds; 32 bytes of SHA-256 (written
 * last, after the body); int length and UTF-8 bytes of the key; the same of the version token. A
 * file is whole exactly when its length is the header length plus the body size.
 *
 * @param info the cached version
 * @param fetchedAt when the origin last confirmed this version before the file was written
 * @param sha256 the body's SHA-256, 32 bytes
 */
record EntryHeader(ObjectInfo info, Instant fetchedAt, byte[] sha256) {

  private static final int MAGIC = 0x50524331; // "PRC1"
  private static final int FIXED = 4 + 4 + 8 + 8 + 4 + 8 + 32;
  private static final int DIGEST_OFFSET = FIXED - 32;
  private static final int MAX_TOKEN = 4096;

  EntryHeader {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
    }
  }

  /** The header's length in bytes for {@code info}. */
  static int length(ObjectInfo info) {
    return FIXED + 4 + utf8(info.key().value()).length + 4 + utf8(info.versionToken()).length;
  }

  /** Writes this header at the channel's position 0. */
  void writeTo(FileChannel channel) throws IOException {
    byte[] key = utf8(info.key().value());
    byte[] token = utf8(info.versionToken());
    if (token.length > MAX_TOKEN) {
      throw new IOException("version token of " + info.key() + " is too long to cache");
    }
    ByteBuffer buffer = ByteBuffer.allocate(length(info));
    buffer.putInt(MAGIC).putInt(buffer.capacity()).putLong(info.size());
    buffer.putLong(info.lastModified().getEpochSecond()).putInt(info.lastModified().getNano());
    buffer.putLong(fetchedAt.toEpochMilli()).put(sha256);
    buffer.putInt(key.length).put(key).putInt(token.length).put(token);
    writeFully(channel, buffer.flip(), 0);
  }

  /** Overwrites the digest field of a header already written to {@code channel}. */
  static void writeDigest(FileChannel channel, byte[] sha256) throws IOException {
    writeFully(channel, ByteBuffer.wrap(sha256), DIGEST_OFFSET);
  }

  /**
   * Reads the header of a cache file and checks that the file is whole.
   *
   * @throws IOException when the file is not a whole cache file, naming what is wrong
   */
  static EntryHeader readFrom(FileChannel channel, long fileLength) throws IOException {
    ByteBuffer start = readFully(channel, 0, 8);
    if (start.getInt() != MAGIC) {
      throw new IOException("not a cache file (bad magic)");
    }
    int length = start.getInt();
    if (length < FIXED + 8 || length > FIXED + 8 + ObjectKey.MAX_LENGTH + MAX_TOKEN) {
      throw new IOException("implausible header length " + length);
    }
    ByteBuffer header = readFully(channel, 8, length - 8);
    long size = header.getLong();
    Instant lastModified = Instant.ofEpochSecond(header.getLong(), header.getInt());
    Instant fetchedAt = Instant.ofEpochMilli(header.getLong());
    byte[] sha256 = new byte[32];
    header.get(sha256);
    ObjectKey key = ObjectKey.of(string(header));
    String token = string(header);
    if (header.hasRemaining() || size < 0 || fileLength != length + size) {
      throw new IOException("torn: " + fileLength + " bytes for a body of " + size);
    }
    return new EntryHeader(new ObjectInfo(key, size, token, lastModified), fetchedAt, sha256);
  }

  private static String string(ByteBuffer header) throws IOException {
    int n = header.getInt();
    if (n < 0 || n > header.remaining()) {
      throw new IOException("bad string length " + n + " in header");
    }
    byte[] bytes = new byte[n];
    header.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int n)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(n);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("torn: ends inside its header");
      }
    }
    return buffer.flip();
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer, position + buffer.position());
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
