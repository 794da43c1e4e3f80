package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.LiveObject.Role;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.hash.Digests;
import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the RPM format tells repository-wide tools: live objects with roles and digests, what GC may
 * collect and when, what verify finds, how each key is served, and that ServiceLoader finds it.
 */
class RpmFormatTest {
  static final String PATH = RpmRepositoryTest.PATH;

  @TempDir Path dir;

  final ManualClock clock = Rpms.clock();
  final InMemoryStorage storage = new InMemoryStorage(clock, 100);

  RpmRepository signedRepo() throws IOException {
    String key = PgpKeyGenerator.generate("t <t@example.org>", clock).armoredSecretKey();
    return RpmRepository.builder(storage)
        .clock(clock)
        .signer(
            PgpSigner.load(
                new ByteArrayInputStream(key.getBytes(StandardCharsets.US_ASCII)),
                "key",
                new char[0],
                clock))
        .build();
  }

  Map<ObjectKey, LiveObject> live(RpmFormat format) throws IOException {
    Map<ObjectKey, LiveObject> live = new TreeMap<>();
    format.markLive(storage, o -> assertNull(live.put(o.key(), o), "reported twice: " + o.key()));
    return live;
  }

  /** Three commits: publish two, publish one more, remove one. */
  RpmRepository threeCommits() throws IOException {
    RpmRepository repo = signedRepo();
    Rpms rpms = new Rpms(dir);
    repo.publish(PATH, List.of(rpms.rpm("hello", "1.0", "x86_64"), rpms.rpm("doc", "1", "noarch")));
    clock.advance(Duration.ofMinutes(1));
    repo.publish(PATH, List.of(rpms.rpm("hello", "2.0", "x86_64")));
    clock.advance(Duration.ofMinutes(1));
    repo.remove(PATH, RpmSelector.named("hello").withVersion("1.0"));
    return repo;
  }

  @Test
  void reportsEveryObjectOnceWithItsRoleAndRecordedDigests() throws Exception {
    RpmRepository repo = threeCommits();
    Map<ObjectKey, LiveObject> live = live(repo.format());
    assertEquals(Role.TOP, live.get(ObjectKey.of(PATH + "/repodata/repomd.xml")).role());
    assertEquals(Role.TOP, live.get(ObjectKey.of(PATH + "/repodata/pinrepo-superseded")).role());
    assertEquals(Role.TOP, live.get(ObjectKey.of(".pinrepo-rpm-paths")).role());
    assertEquals(Role.DERIVED, live.get(ObjectKey.of(PATH + "/repodata/repomd.xml.asc")).role());
    // Within the metadata retention, everything written is live: the removed package too.
    assertEquals(new TreeSet<>(storage.keys()), live.keySet());
    for (LiveObject object : live.values()) {
      if (object.role() == Role.BLOB) {
        Digests digests = Digests.of(storage.peek(object.key()).orElseThrow());
        assertEquals(digests.size(), object.size().orElseThrow(), object.key().value());
        assertEquals(digests.sha256(), object.sha256().orElseThrow(), object.key().value());
      }
    }
    long blobs = live.values().stream().filter(o -> o.role() == Role.BLOB).count();
    assertEquals(3 + 3 * 3, blobs, "three packages and three commits' documents");
  }

  @Test
  void gcKeepsSupersededMetadataForItsRetentionThenCollectsItAndRemovedPackages() throws Exception {
    RpmRepository repo = threeCommits();
    Set<ObjectKey> before = new TreeSet<>(storage.keys());
    GarbageCollector gc = new GarbageCollector(List.of(repo.format()), clock);
    clock.advance(Duration.ofHours(2));
    assertEquals(List.of(), gc.run(storage, Duration.ofHours(1), false, o -> {}).collected());

    clock.advance(Duration.ofDays(1));
    List<String> collected =
        gc.run(storage, Duration.ofHours(1), false, o -> {}).collected().stream()
            .map(o -> o.key().value())
            .sorted()
            .toList();
    assertEquals(7, collected.size(), collected.toString());
    assertTrue(
        collected.contains(PATH + "/Packages/h/hello-1.0-1.x86_64.rpm"), collected.toString());
    assertEquals(
        6L,
        collected.stream().filter(k -> k.startsWith(PATH + "/repodata/")).count(),
        "two commits' documents");
    Set<ObjectKey> left = new TreeSet<>(before);
    left.removeIf(k -> collected.contains(k.value()));
    assertEquals(left, new TreeSet<>(storage.keys()));
    assertEquals(List.of(), Rpms.verify(storage));
    assertEquals(
        List.of("doc-1-1.noarch", "hello-2.0-1.x86_64"),
        repo.list(PATH).stream().map(RpmRef::toString).toList());
  }

  @Test
  void findsRepositoriesThroughThePathRecordAndCollectsUnderTheirDirectories() throws Exception {
    RpmFormat format = new RpmFormat();
    assertFalse(format.isPresent(storage));
    assertEquals(List.of(), format.collectablePrefixes(storage));
    Rpms rpms = new Rpms(dir);
    RpmRepository repo = RpmRepository.builder(storage).clock(clock).build();
    repo.publish("b/x86_64", List.of(rpms.rpm("hello", "1.0", "x86_64")));
    repo.publish("a", List.of(rpms.rpm("hello", "1.0", "x86_64")));
    assertTrue(format.isPresent(storage));
    assertEquals(
        List.of("a/Packages/", "a/repodata/", "b/x86_64/Packages/", "b/x86_64/repodata/"),
        format.collectablePrefixes(storage));
  }

  @Test
  void verifyNamesWhatIsMissingOrDiffers() throws Exception {
    threeCommits();
    assertEquals(List.of(), Rpms.verify(storage));
    ObjectKey doc = ObjectKey.of(PATH + "/Packages/d/doc-1-1.noarch.rpm");
    ObjectKey hello = ObjectKey.of(PATH + "/Packages/h/hello-2.0-1.x86_64.rpm");
    byte[] helloBytes = storage.peek(hello).orElseThrow();
    helloBytes[helloBytes.length - 1] ^= 1;
    storage.delete(doc, WriteCondition.none());
    storage.write(hello, ContentSource.ofBytes(helloBytes), WriteCondition.none());
    ObjectKey other =
        storage.keys().stream()
            .filter(k -> k.value().endsWith("-other.xml.gz"))
            .filter(this::isListed)
            .findFirst()
            .orElseThrow();
    storage.write(other, ContentSource.ofUtf8("garbage"), WriteCondition.none());
    Map<ObjectKey, String> problems =
        Rpms.verify(storage).stream()
            .collect(Collectors.toMap(Problem::key, Problem::description, (a, b) -> a + "; " + b));
    assertTrue(problems.get(doc).startsWith("missing"), problems.toString());
    assertTrue(problems.get(hello).startsWith("has sha256"), problems.toString());
    assertTrue(problems.get(other).startsWith("is 7 bytes"), problems.toString());
  }

  private boolean isListed(ObjectKey key) {
    String repomd =
        new String(
            storage.peek(ObjectKey.of(PATH + "/repodata/repomd.xml")).orElseThrow(),
            StandardCharsets.UTF_8);
    return repomd.contains(key.value().substring(PATH.length() + 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "el9/x86_64/Packages/h/hello-1.0-1.x86_64.rpm | application/x-rpm | immutable",
        "el9/SRPMS/Packages/h/ab12cd34ef567890/hello-1.0-1.src.rpm | application/x-rpm | immutable",
        "el9/x86_64/repodata/repomd.xml | application/xml | short",
        "el9/x86_64/repodata/repomd.xml.asc | application/pgp-signature | short",
        "el9/x86_64/repodata/pinrepo-superseded | text/plain; charset=utf-8 | short",
        "el9/x86_64/repodata/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            + "-primary.xml.gz | application/gzip | immutable",
        "el9/x86_64/repodata/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            + "-other.xml.zst | application/zstd | immutable",
        "el9/x86_64/repodata/comps.xml | application/xml | short",
        ".pinrepo-rpm-paths | text/plain; charset=utf-8 | short",
      })
  void servesPackagesAndContentAddressedMetadataAsImmutableAndTheTopsAsShort(
      String key, String contentType, String cache) {
    ServingMetadata metadata = new RpmFormat().serving(ObjectKey.of(key)).orElseThrow();
    assertEquals(contentType, metadata.contentType());
    assertEquals(
        cache.equals("short") ? CachePolicy.SHORT : CachePolicy.IMMUTABLE, metadata.cachePolicy());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dists/stable/InRelease",
        "simple/demo/index.html",
        "com/example/demo/1.0/demo-1.0.jar",
        "repomd.xml",
        "el9/x86_64/Packages/h/README",
      })
  void claimsNoOtherKey(String key) {
    assertEquals(Optional.empty(), new RpmFormat().serving(ObjectKey.of(key)));
  }

  @Test
  void serviceLoaderFindsItWithDefaults() {
    RepositoryFormat rpm =
        RepositoryFormats.installed().stream()
            .filter(f -> f.name().equals("rpm"))
            .findFirst()
            .orElseThrow();
    assertTrue(rpm instanceof RpmFormat, rpm.getClass().getName());
    assertEquals(
        CachePolicy.IMMUTABLE,
        RepositoryFormats.servingPolicy()
            .of(ObjectKey.of("el9/x86_64/Packages/h/hello-1.0-1.x86_64.rpm"))
            .cachePolicy());
  }
}
