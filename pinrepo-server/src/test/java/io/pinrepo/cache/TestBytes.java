package io.pinrepo.cache;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Content and small read/write helpers the cache tests share. */
final class TestBytes {

  private TestBytes() {}

  static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static ObjectInfo put(Storage storage, String key, byte[] bytes) throws IOException {
    return storage.write(ObjectKey.of(key), ContentSource.ofBytes(bytes), WriteCondition.none());
  }

  static byte[] get(Storage storage, String key) throws IOException {
    try (ObjectStream in = storage.read(ObjectKey.of(key))) {
      return in.readAllBytes();
    }
  }

  static byte[] all(CachedRead read) throws IOException {
    try (read) {
      return read.stream().readAllBytes();
    }
  }

  static CachedRead open(ReadThroughCache cache, String key) throws IOException {
    return cache.open(ObjectKey.of(key), ByteRange.ALL);
  }

  /** The entry files in a cache directory. */
  static List<Path> entryFiles(Path cacheDir) {
    return filesUnder(cacheDir.resolve("data"));
  }

  /** The temporary files in a cache directory. */
  static List<Path> tempFiles(Path cacheDir) {
    return filesUnder(cacheDir.resolve("tmp"));
  }

  private static List<Path> filesUnder(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
