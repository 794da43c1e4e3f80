package io.pinrepo.maven;

import io.pinrepo.commit.Top;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checksum files beside every file: {@code .md5 .sha1 .sha256 .sha512}, each the bare
 * lower-case hex digest as maven-resolver writes it.
 */
final class Sidecars {
  static final int MAX_TOP_BYTES = 16 * 1024 * 1024;
  private static final int MAX_SYNC_ROUNDS = 20;

  private final Storage storage;

  Sidecars(Storage storage) {
    this.storage = storage;
  }

  static String suffix(HashAlgorithm algorithm) {
    return "." + algorithm.name().toLowerCase(Locale.ROOT);
  }

  static List<ObjectKey> keys(ObjectKey file) {
    List<ObjectKey> keys = new ArrayList<>();
    for (HashAlgorithm a : HashAlgorithm.values()) {
      keys.add(ObjectKey.of(file.value() + suffix(a)));
    }
    return keys;
  }

  /**
   * Makes the sidecars of an immutable file say {@code digests}: written when absent, left alone
   * when they agree already, replaced when they say something else (a stale or foreign format).
   */
  void ensure(ObjectKey file, Digests digests) throws IOException {
    for (HashAlgorithm a : HashAlgorithm.values()) {
      ensureOne(ObjectKey.of(file.value() + suffix(a)), digests.hex(a));
    }
  }

  /** Writes the sidecars of a mutable top unconditionally, as right after committing it. */
  void overwrite(ObjectKey file, Digests digests) throws IOException {
    for (HashAlgorithm a : HashAlgorithm.values()) {
      storage.write(
          ObjectKey.of(file.value() + suffix(a)),
          ContentSource.ofUtf8(digests.hex(a)),
          WriteCondition.none());
    }
  }

  /**
   * Makes the sidecars of the mutable top {@code key} agree with its current version, starting from
   * the version this publisher wrote or read ({@code bytes} with {@code token}). Sidecars cannot be
   * replaced atomically with their top, so after writing them this checks that the top is still
   * that version, and if another publisher replaced it meanwhile, writes the sidecars of the newer
   * version. Every publisher ends with such a check, so the last sidecar write always matches the
   * last top.
   */
  void sync(ObjectKey key, byte[] bytes, String token, boolean justWritten) throws IOException {
    byte[] current = bytes;
    String currentToken = token;
    boolean overwrite = justWritten;
    for (int round = 0; round < MAX_SYNC_ROUNDS; round++) {
      Digests digests = Digests.of(current);
      if (overwrite) {
        overwrite(key, digests);
      } else {
        refresh(key, digests);
      }
      Optional<ObjectInfo> now = storage.stat(key);
      if (now.isEmpty() || now.get().versionToken().equals(currentToken)) {
        return;
      }
      Top newer = Top.read(storage, key, MAX_TOP_BYTES);
      if (!newer.exists()) {
        return;
      }
      current = newer.bytes();
      currentToken = newer.versionToken().orElseThrow();
      overwrite = false;
    }
    throw new IOException(
        key + " kept changing while its checksums were written; they are fixed by the next deploy");
  }

  /** Rewrites, unconditionally, the sidecars of a mutable top that do not say {@code digests}. */
  private void refresh(ObjectKey file, Digests digests) throws IOException {
    for (HashAlgorithm a : HashAlgorithm.values()) {
      ObjectKey key = ObjectKey.of(file.value() + suffix(a));
      String existing;
      try (ObjectStream in = storage.read(key)) {
        existing = new String(in.readNBytes(1024), StandardCharsets.UTF_8).trim();
      } catch (ObjectNotFoundException e) {
        existing = "";
      }
      if (!existing.equalsIgnoreCase(digests.hex(a))) {
        storage.write(key, ContentSource.ofUtf8(digests.hex(a)), WriteCondition.none());
      }
    }
  }

  private void ensureOne(ObjectKey key, String hex) throws IOException {
    ContentSource content = ContentSource.ofUtf8(hex);
    try {
      storage.write(key, content, WriteCondition.mustBeAbsent());
      return;
    } catch (PreconditionFailedException e) {
      // present already: keep it if it agrees
    }
    String existing;
    String token;
    try (ObjectStream in = storage.read(key)) {
      existing = new String(in.readNBytes(1024), StandardCharsets.UTF_8).trim();
      token = in.info().versionToken();
    } catch (ObjectNotFoundException gone) {
      storage.write(key, content, WriteCondition.mustBeAbsent());
      return;
    }
    String first = existing.isEmpty() ? "" : existing.split("\\s+")[0];
    if (!first.equalsIgnoreCase(hex)) {
      try {
        storage.write(key, content, WriteCondition.matches(token));
      } catch (PreconditionFailedException e) {
        // Another deploy of the same immutable file replaced it first, with the same digest.
      }
    }
  }
}
