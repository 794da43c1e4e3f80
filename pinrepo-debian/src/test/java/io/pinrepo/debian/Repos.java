package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.hash.Digests;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Fixtures and checks shared by the publisher tests. */
final class Repos {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00.750Z"), ZoneOffset.UTC);

  private Repos() {}

  /** A signer with a key generated in-process (no gpg needed), dated by {@link #CLOCK}. */
  static Signer signer() throws IOException {
    PgpKeyGenerator.GeneratedKey key =
        PgpKeyGenerator.generate("Pinrepo Test <test@example.invalid>", CLOCK);
    return PgpSigner.load(
        new java.io.ByteArrayInputStream(key.armoredSecretKey().getBytes(StandardCharsets.UTF_8)),
        "generated key",
        new char[0],
        CLOCK);
  }

  static ContentSource deb(String name, String version, String arch) {
    return source(DebBuilder.of(name, version, arch));
  }

  static ContentSource source(DebBuilder builder) {
    byte[] bytes = builder.build();
    String name = builder.fileName();
    return new ContentSource() {
      @Override
      public java.io.InputStream open() {
        return new java.io.ByteArrayInputStream(bytes);
      }

      @Override
      public java.util.OptionalLong size() {
        return java.util.OptionalLong.of(bytes.length);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  static String text(InMemoryStorage storage, String key) {
    return new String(storage.peek(ObjectKey.of(key)).orElseThrow(), StandardCharsets.UTF_8);
  }

  /** The Release a distribution's commit point holds. */
  static ReleaseFile release(InMemoryStorage storage, String dist) throws Exception {
    String key = "dists/" + dist + "/";
    var in = storage.peek(ObjectKey.of(key + "InRelease"));
    if (in.isPresent()) {
      return ReleaseFile.parse(
          ClearSigned.content(new String(in.get(), StandardCharsets.UTF_8), "InRelease"), "t");
    }
    return ReleaseFile.parse(text(storage, key + "Release"), "Release");
  }

  /**
   * Checks what apt relies on: every file the Release lists exists under its by-hash name (SHA-512,
   * the strongest digest listed, which apt uses) with exactly those digests, and the legacy path
   * holds the same bytes.
   */
  static void assertConsistent(InMemoryStorage storage, String dist) throws Exception {
    assertConsistent(storage, dist, true);
  }

  /** As {@link #assertConsistent(InMemoryStorage, String)}; legacy paths checked if asked. */
  static void assertConsistent(InMemoryStorage storage, String dist, boolean legacyToo)
      throws Exception {
    ReleaseFile release = release(storage, dist);
    DistLayout layout = new DistLayout(dist);
    for (Map.Entry<String, Digests> file : release.files().entrySet()) {
      ObjectKey key = layout.byHash(file.getKey(), file.getValue());
      byte[] bytes = storage.peek(key).orElseThrow(() -> new AssertionError("missing " + key));
      assertEquals(file.getValue(), Digests.of(bytes), key.value());
      if (!legacyToo) {
        continue;
      }
      byte[] legacy = storage.peek(layout.file(file.getKey())).orElseThrow();
      assertArrayEquals(
          storage.peek(layout.byHash(file.getKey(), file.getValue())).orElseThrow(),
          legacy,
          file.getKey());
    }
  }
}
