package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.LiveObject.Role;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpKeyGenerator.GeneratedKey;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The live objects of a Maven repository, each once with its role: files, signatures and their
 * sidecars are blobs, metadata and the prefix file are tops, and the tops' sidecars are derived.
 */
class LiveObjectsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T00:01:29Z"), ZoneOffset.UTC);

  private final InMemoryStorage storage = new InMemoryStorage();

  @Test
  void reportsEveryObjectOfACleanRepositoryOnceWithItsRole() throws IOException {
    GeneratedKey key = PgpKeyGenerator.generate("Live Test <live@example.invalid>", CLOCK);
    PgpSigner signer =
        PgpSigner.load(
            new ByteArrayInputStream(key.armoredSecretKey().getBytes(StandardCharsets.US_ASCII)),
            "test key",
            new char[0],
            CLOCK);
    MavenRepository repo =
        MavenRepository.builder(storage).clock(CLOCK).signer(signer).prefixFile(true).build();
    repo.deploy(deployment("com.example", "demo", "1.0", "r"));
    repo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "s1"));
    repo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "s2"));

    List<LiveObject> live = markLive(repo.format());

    Set<String> reported = new TreeSet<>();
    for (LiveObject object : live) {
      assertTrue(reported.add(object.key().value()), "reported twice: " + object);
      assertEquals(expectedRole(object.key().value()), object.role(), object.toString());
      assertTrue(object.size().isEmpty() && object.sha256().isEmpty(), object.toString());
    }
    Set<String> stored = new TreeSet<>();
    storage.keys().forEach(k -> stored.add(k.value()));
    assertEquals(stored, reported);
    assertTrue(reported.contains(".meta/prefixes.txt.sha256"));
    assertTrue(reported.contains("com/example/demo/1.0/demo-1.0.jar.asc.sha1"));
    int tops = 3; // the prefix file, the artifact's and the snapshot version's metadata
    assertEquals(tops, count(live, Role.TOP));
    assertEquals(4 * tops, count(live, Role.DERIVED), "four sidecars each");
  }

  @Test
  void reportsNoObjectThatIsNotThereAndNoUncommittedBuild() throws IOException {
    MavenRepository repo = MavenRepository.builder(storage).clock(CLOCK).build();
    repo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "s1"));
    ObjectKey uncommitted =
        ObjectKey.of("com/example/demo/2.0-SNAPSHOT/demo-2.0-20261122.000129-2.jar");
    storage.write(uncommitted, ContentSource.ofUtf8("partial"), WriteCondition.none());

    List<LiveObject> live = markLive(repo.format());

    List<String> keys = live.stream().map(o -> o.key().value()).toList();
    assertFalse(keys.contains(uncommitted.value()), keys.toString());
    assertFalse(keys.contains(".meta/prefixes.txt"), "no prefix file was written");
    for (String k : keys) {
      assertTrue(storage.peek(ObjectKey.of(k)).isPresent(), k);
    }
  }

  private List<LiveObject> markLive(MavenFormat format) throws IOException {
    List<LiveObject> live = new ArrayList<>();
    format.markLive(storage, live::add);
    return live;
  }

  private static Role expectedRole(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    if (name.equals("maven-metadata.xml") || key.equals(".meta/prefixes.txt")) {
      return Role.TOP;
    }
    if (name.startsWith("maven-metadata.xml.") || key.startsWith(".meta/prefixes.txt.")) {
      return Role.DERIVED;
    }
    return Role.BLOB;
  }

  private static long count(List<LiveObject> live, Role role) {
    return live.stream().filter(o -> o.role() == role).count();
  }
}
