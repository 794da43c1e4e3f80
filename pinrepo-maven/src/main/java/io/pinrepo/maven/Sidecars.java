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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** Writes the sidecars of a file unconditionally. */
  void overwrite(ObjectKey file, Digests digests) throws IOException {
    for (HashAlgorithm a : HashAlgorithm.values()) {
      storage.write(
          ObjectKey.of(file.value() + suffix(a)),
          ContentSource.ofUtf8(digests.hex(a)),
          WriteCondition.none());
    }
  }

  /**
   * The version tokens of the sidecars of the mutable top {@code key}, empty for one that does not
   * exist; read before the top is committed, they make the sidecar writes that follow conditional.
   */
  Map<ObjectKey, Optional<String>> tokens(ObjectKey key) throws IOException {
    Map<ObjectKey, Optional<String>> tokens = new LinkedHashMap<>();
    for (ObjectKey sidecar : keys(key)) {
      tokens.put(sidecar, storage.stat(sidecar).map(ObjectInfo::versionToken));
    }
    return tokens;
  }

  /**
   * Makes the sidecars of the mutable top {@code key} agree with its current version, starting from
   * the version this publisher wrote or read ({@code bytes} with {@code token}). Sidecars cannot be
   * replaced atomically with their top, so each is written only if it is still the version read
   * before the top version it is computed from ({@code seen}, empty when not read yet): a slow
   * publisher of an older top loses to any sidecar written since, even if it dies right after.
   * After writing, this checks that the top is still that version; if another publisher replaced
   * it, or wrote a sidecar meanwhile, the sidecars and then the top are read again and written from
   * the newest version. Every publisher ends with such a check, so the sidecars end matching the
   * last top.
   */
  void sync(ObjectKey key, byte[] bytes, String token, Map<ObjectKey, Optional<String>> seen)
      throws IOException {
    byte[] current = bytes;
    String currentToken = token;
    Map<ObjectKey, Optional<Sidecar>> found = new LinkedHashMap<>();
    seen.forEach((k, t) -> found.put(k, t.map(v -> new Sidecar(v, null))));
    for (int round = 0; round < MAX_SYNC_ROUNDS; round++) {
      if (found.isEmpty()) {
        found.putAll(readAll(key));
        Optional<ObjectInfo> top = storage.stat(key);
        if (top.isEmpty()) {
          return;
        }
        if (!top.get().versionToken().equals(currentToken)) {
          Top newer = Top.read(storage, key, MAX_TOP_BYTES);
          if (!newer.exists()) {
            return;
          }
          current = newer.bytes();
          currentToken = newer.versionToken().orElseThrow();
        }
      }
      boolean lost = writeAll(key, Digests.of(current), found);
      found.clear();
      Optional<ObjectInfo> now = storage.stat(key);
      if (now.isEmpty() || (!lost && now.get().versionToken().equals(currentToken))) {
        return;
      }
    }
    throw new IOException(
        key + " kept changing while its checksums were written; they are fixed by the next deploy");
  }

  /** A sidecar as read: its version token and, when read, its digest text. */
  private record Sidecar(String token, String text) {}

  private Map<ObjectKey, Optional<Sidecar>> readAll(ObjectKey file) throws IOException {
    Map<ObjectKey, Optional<Sidecar>> found = new LinkedHashMap<>();
    for (ObjectKey key : keys(file)) {
      try (ObjectStream in = storage.read(key)) {
        String text = new String(in.readNBytes(1024), StandardCharsets.UTF_8).trim();
        found.put(key, Optional.of(new Sidecar(in.info().versionToken(), text)));
      } catch (ObjectNotFoundException e) {
        found.put(key, Optional.empty());
      }
    }
    return found;
  }

  /**
   * Writes the sidecars that do not say {@code digests} already, each on condition that it is still
   * as {@code found}.
   *
   * @return whether another publisher wrote one since it was read
   */
  private boolean writeAll(ObjectKey file, Digests digests, Map<ObjectKey, Optional<Sidecar>> found)
      throws IOException {
    boolean lost = false;
    for (HashAlgorithm a : HashAlgorithm.values()) {
      ObjectKey key = ObjectKey.of(file.value() + suffix(a));
      Optional<Sidecar> before = found.get(key);
      if (before.isPresent()
          && before.get().text() != null
          && before.get().text().equalsIgnoreCase(digests.hex(a))) {
        continue;
      }
      WriteCondition condition =
          before.isPresent()
              ? WriteCondition.matches(before.get().token())
              : WriteCondition.mustBeAbsent();
      try {
        storage.write(key, ContentSource.ofUtf8(digests.hex(a)), condition);
      } catch (PreconditionFailedException e) {
        lost = true; // another publisher wrote it since: read again, and write only if newest
      }
    }
    return lost;
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
