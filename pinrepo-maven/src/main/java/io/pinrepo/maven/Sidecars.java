package io.pinrepo.maven;

import io.pinrepo.commit.DerivedFiles;
import io.pinrepo.commit.ObjectVersions;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ContentSource;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checksum files beside every file: {@code .md5 .sha1 .sha256 .sha512}, each the bare
 * lower-case hex digest as maven-resolver writes it. Those of an immutable file are blobs, written
 * with it ({@link #ensure}); those of a mutable top are derived from it and written after its
 * commit, through {@link io.pinrepo.commit.OptimisticCommit.Operation#settle} ({@link #seen}).
 */
final class Sidecars {
  static final int MAX_TOP_BYTES = 16 * 1024 * 1024;
  private static final int MAX_SIDECAR_BYTES = 1024;

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

  /**
   * The sidecars of the mutable top {@code top} as they are now, each with its version token and
   * digest text. Read before the top is read (and so before it is committed), they are what the
   * sidecar writes after the commit are conditioned on.
   */
  Seen seen(ObjectKey top) throws IOException {
    Map<ObjectKey, Optional<Sidecar>> found = new TreeMap<>();
    for (ObjectKey key : keys(top)) {
      try (ObjectStream in = storage.read(key)) {
        String text = new String(in.readNBytes(MAX_SIDECAR_BYTES), StandardCharsets.UTF_8).trim();
        found.put(key, Optional.of(new Sidecar(in.info().versionToken(), text)));
      } catch (ObjectNotFoundException e) {
        found.put(key, Optional.empty());
      }
    }
    return new Seen(top, found);
  }

  /** A sidecar as read: its version token and its digest text. */
  private record Sidecar(String token, String text) {}

  /**
   * The sidecars of one mutable top as read before a commit, from which the derived files of a
   * version of that top are made.
   */
  record Seen(ObjectKey top, Map<ObjectKey, Optional<Sidecar>> found) {

    /** Every sidecar of {@code bytes}, the version {@code token} of the top just committed. */
    DerivedFiles all(String token, byte[] bytes) {
      return derived(token, bytes, false);
    }

    /**
     * The sidecars that do not say the digests of {@code bytes}, the version {@code token} of the
     * top found unchanged: what a crashed or outrun publisher left stale.
     */
    DerivedFiles stale(String token, byte[] bytes) {
      return derived(token, bytes, true);
    }

    private DerivedFiles derived(String token, byte[] bytes, boolean onlyStale) {
      Digests digests = Digests.of(bytes);
      Map<ObjectKey, Optional<String>> versions = new TreeMap<>();
      Map<ObjectKey, byte[]> files = new TreeMap<>();
      for (HashAlgorithm a : HashAlgorithm.values()) {
        ObjectKey key = ObjectKey.of(top.value() + suffix(a));
        Optional<Sidecar> before = found.get(key);
        versions.put(key, before.map(Sidecar::token));
        String hex = digests.hex(a);
        if (!onlyStale || before.isEmpty() || !before.get().text().equalsIgnoreCase(hex)) {
          files.put(key, hex.getBytes(StandardCharsets.UTF_8));
        }
      }
      return DerivedFiles.ofBytes(top, token, files, new ObjectVersions(versions));
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
      existing = new String(in.readNBytes(MAX_SIDECAR_BYTES), StandardCharsets.UTF_8).trim();
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
