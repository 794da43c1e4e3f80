package io.pinrepo.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** {@link S3Storage} against s3proxy running in this JVM: behaviour specific to S3. */
class S3StorageTest {

  @TempDir static Path dir;
  static S3ProxyFixture server;
  static S3Storage storage;
  static int prefixes;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyFixture.start(dir.resolve("s3"));
    storage = server.storage("repo").listPageSize(2).build();
  }

  @AfterAll
  static void stop() throws IOException {
    storage.close();
    server.close();
  }

  /** A storage of its own under a fresh prefix, so tests do not see each other's objects. */
  private static S3Storage fresh(ChecksumMode mode) {
    return server.storage("t" + (++prefixes)).checksumMode(mode).partSize(5 << 20).build();
  }

  private static byte[] bytes(int size, int seed) {
    byte[] b = new byte[size];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] readAll(S3Storage s, ObjectKey key) throws IOException {
    try (ObjectStream in = s.read(key)) {
      return in.readAllBytes();
    }
  }

  /** Content of unknown length, as from a pipe. */
  private static ContentSource unknownLength(byte[] data) {
    return new ContentSource() {
      @Override
      public InputStream open() {
        return new ByteArrayInputStream(data);
      }

      @Override
      public OptionalLong size() {
        return OptionalLong.empty();
      }
    };
  }

  @ParameterizedTest
  @EnumSource(ChecksumMode.class)
  void writesSmallAndMultipartObjectsInBothChecksumModes(ChecksumMode mode) throws IOException {
    try (S3Storage s = fresh(mode)) {
      byte[] small = bytes(1000, 1);
      byte[] large = bytes((5 << 20) * 2 + 12345, 2);
      ObjectInfo a =
          s.write(ObjectKey.of("a.bin"), ContentSource.ofBytes(small), WriteCondition.none());
      ObjectInfo b =
          s.write(ObjectKey.of("b.bin"), ContentSource.ofBytes(large), WriteCondition.none());
      ObjectInfo c = s.write(ObjectKey.of("c.bin"), unknownLength(large), WriteCondition.none());
      assertEquals(small.length, a.size());
      assertEquals(large.length, b.size());
      assertEquals(large.length, c.size());
      assertArrayEquals(small, readAll(s, ObjectKey.of("a.bin")));
      assertArrayEquals(large, readAll(s, ObjectKey.of("b.bin")));
      assertArrayEquals(large, readAll(s, ObjectKey.of("c.bin")));
      assertEquals(b.versionToken(), s.stat(ObjectKey.of("b.bin")).orElseThrow().versionToken());
      assertTrue(b.versionToken().contains("-"), "a multipart ETag: " + b.versionToken());
    }
  }

  @Test
  void aMissingBucketIsToldApartFromAMissingObject() throws IOException {
    try (S3Storage missing =
        S3Storage.builder(new S3Location("pinrepo-no-such-bucket", "repo"))
            .endpoint(server.endpoint())
            .region("us-east-1")
            .pathStyle(true)
            .credentials(S3ProxyFixture.ACCESS_KEY, S3ProxyFixture.SECRET_KEY)
            .build()) {
      NoSuchBucketException listed =
          assertThrows(
              NoSuchBucketException.class,
              () -> {
                try (var listing = missing.list("")) {
                  listing.hasNext();
                }
              });
      assertEquals("pinrepo-no-such-bucket", listed.bucket());
      assertTrue(listed.getMessage().contains("pinrepo-no-such-bucket"), listed.getMessage());
      assertThrows(
          NoSuchBucketException.class,
          () -> missing.write(ObjectKey.of("x"), ContentSource.ofUtf8("x"), WriteCondition.none()));
    }
    assertThrows(ObjectNotFoundException.class, () -> storage.read(ObjectKey.of("no/such/key")));
  }

  @Test
  void versionTokenIsTheEtagSeenByStatReadAndList() throws IOException {
    ObjectKey key = ObjectKey.of("tokens/x.txt");
    ObjectInfo written = storage.write(key, ContentSource.ofUtf8("x"), WriteCondition.none());
    assertEquals(written.versionToken(), storage.stat(key).orElseThrow().versionToken());
    try (ObjectStream in = storage.read(key)) {
      assertEquals(written.versionToken(), in.info().versionToken());
    }
    assertEquals(written.versionToken(), storage.list("tokens/").next().versionToken());
  }

  @Test
  void missingObjectsAreEmptyOnStatAndNotFoundOnRead() throws IOException {
    ObjectKey key = ObjectKey.of("missing/nothing");
    assertTrue(storage.stat(key).isEmpty());
    ObjectNotFoundException e =
        assertThrows(ObjectNotFoundException.class, () -> storage.read(key));
    assertEquals(key, e.key());
    assertThrows(ObjectNotFoundException.class, () -> storage.read(key, new ByteRange(1, 0)));
  }

  @Test
  void rangedReadsYieldTheRangeAndDescribeTheWholeObject() throws IOException {
    ObjectKey key = ObjectKey.of("ranges/r.bin");
    byte[] data = bytes(1000, 3);
    storage.write(key, ContentSource.ofBytes(data), WriteCondition.none());
    try (ObjectStream in = storage.read(key, new ByteRange(10, 20))) {
      assertArrayEquals(java.util.Arrays.copyOfRange(data, 10, 30), in.readAllBytes());
      assertEquals(1000, in.info().size());
    }
    try (ObjectStream in = storage.read(key, ByteRange.from(990))) {
      assertArrayEquals(java.util.Arrays.copyOfRange(data, 990, 1000), in.readAllBytes());
    }
    try (ObjectStream in = storage.read(key, new ByteRange(995, 100))) {
      assertEquals(5, in.readAllBytes().length);
    }
    try (ObjectStream in = storage.read(key, ByteRange.from(1000))) {
      assertEquals(0, in.readAllBytes().length);
      assertEquals(1000, in.info().size());
    }
    try (ObjectStream in = storage.read(key, new ByteRange(5, 0))) {
      assertEquals(0, in.readAllBytes().length);
    }
  }

  @Test
  void emptyObjectsRoundTrip() throws IOException {
    ObjectKey key = ObjectKey.of("empty/e");
    storage.write(key, ContentSource.ofBytes(new byte[0]), WriteCondition.none());
    assertEquals(0, readAll(storage, key).length);
    try (ObjectStream in = storage.read(key, ByteRange.from(0))) {
      assertEquals(0, in.readAllBytes().length);
    }
  }

  @Test
  void mustBeAbsentRefusesAnExistingObjectAndKeepsIt() throws IOException {
    ObjectKey key = ObjectKey.of("absent/blob.deb");
    storage.write(key, ContentSource.ofUtf8("first"), WriteCondition.mustBeAbsent());
    assertThrows(
        PreconditionFailedException.class,
        () -> storage.write(key, ContentSource.ofUtf8("second"), WriteCondition.mustBeAbsent()));
    assertEquals("first", new String(readAll(storage, key), UTF_8));
  }

  @Test
  void mustBeAbsentHoldsForMultipartUploadsAndAbortsTheLoser() throws IOException {
    try (S3Storage s = fresh(ChecksumMode.WHEN_SUPPORTED);
        S3Client raw = server.client()) {
      ObjectKey key = ObjectKey.of("big.deb");
      byte[] first = bytes(6 << 20, 4);
      s.write(key, unknownLength(first), WriteCondition.mustBeAbsent());
      assertThrows(
          PreconditionFailedException.class,
          () -> s.write(key, unknownLength(bytes(6 << 20, 5)), WriteCondition.mustBeAbsent()));
      assertArrayEquals(first, readAll(s, key));
      assertTrue(
          raw.listMultipartUploads(b -> b.bucket(S3ProxyFixture.BUCKET)).uploads().isEmpty(),
          "the losing upload was aborted");
    }
  }

  @Test
  void matchesReplacesExactlyTheVersionRead() throws IOException {
    ObjectKey key = ObjectKey.of("tops/InRelease");
    ObjectInfo v1 = storage.write(key, ContentSource.ofUtf8("v1"), WriteCondition.mustBeAbsent());
    ObjectInfo v2 =
        storage.write(key, ContentSource.ofUtf8("v2"), WriteCondition.matches(v1.versionToken()));
    assertNotEquals(v1.versionToken(), v2.versionToken());
    assertThrows(
        PreconditionFailedException.class,
        () ->
            storage.write(
                key, ContentSource.ofUtf8("v3"), WriteCondition.matches(v1.versionToken())));
    assertEquals("v2", new String(readAll(storage, key), UTF_8));
  }

  @Test
  void matchesOnAMissingObjectFails() {
    assertThrows(
        PreconditionFailedException.class,
        () ->
            storage.write(
                ObjectKey.of("tops/never"),
                ContentSource.ofUtf8("x"),
                WriteCondition.matches("0123456789abcdef0123456789abcdef")));
  }

  @Test
  void concurrentConditionalWritersLoseNoUpdate() throws Exception {
    ObjectKey key = ObjectKey.of("race/counter");
    storage.write(key, ContentSource.ofUtf8("0"), WriteCondition.none());
    int writers = 4;
    int increments = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Object>> done = new ArrayList<>();
      OptimisticCommit commit =
          new OptimisticCommit(RetryPolicy.DEFAULT.withMaxAttempts(1000), nanos -> {});
      Callable<Object> writer =
          () -> {
            for (int i = 0; i < increments; i++) {
              commit.run(
                  "counter",
                  () -> {
                    try (ObjectStream in = storage.read(key)) {
                      int n = Integer.parseInt(new String(in.readAllBytes(), UTF_8));
                      return storage.write(
                          key,
                          ContentSource.ofUtf8(Integer.toString(n + 1)),
                          WriteCondition.matches(in.info().versionToken()));
                    }
                  });
            }
            return null;
          };
      for (int w = 0; w < writers; w++) {
        done.add(pool.submit(writer));
      }
      for (Future<Object> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(Integer.toString(writers * increments), new String(readAll(storage, key), UTF_8));
  }

  @Test
  void ofWritersMatchingOneTokenExactlyOneWinsEachRound() throws Exception {
    ObjectKey key = ObjectKey.of("race/top");
    ObjectInfo current = storage.write(key, ContentSource.ofUtf8("start"), WriteCondition.none());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        WriteCondition condition = WriteCondition.matches(current.versionToken());
        List<Future<ObjectInfo>> writes = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
          byte[] content = bytes(1000 + writer, round * 8 + writer); // fresh bytes: a new ETag
          writes.add(
              pool.submit(() -> storage.write(key, ContentSource.ofBytes(content), condition)));
        }
        List<ObjectInfo> winners = new ArrayList<>();
        for (Future<ObjectInfo> write : writes) {
          try {
            winners.add(write.get());
          } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(e.getCause() instanceof PreconditionFailedException, e.toString());
          }
        }
        assertEquals(1, winners.size(), "winners in round " + round + ": " + winners);
        current = storage.stat(key).orElseThrow();
        assertEquals(winners.get(0).versionToken(), current.versionToken());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deletesUnconditionallyAndIgnoresMissingKeys() throws IOException {
    ObjectKey key = ObjectKey.of("del/x");
    storage.write(key, ContentSource.ofUtf8("x"), WriteCondition.none());
    storage.delete(key, WriteCondition.none());
    assertTrue(storage.stat(key).isEmpty());
    storage.delete(key, WriteCondition.none());
  }

  @Test
  void deleteWithMustBeAbsentOnlyChecks() throws IOException {
    ObjectKey key = ObjectKey.of("del/present");
    storage.delete(key, WriteCondition.mustBeAbsent());
    storage.write(key, ContentSource.ofUtf8("x"), WriteCondition.none());
    assertThrows(
        PreconditionFailedException.class,
        () -> storage.delete(key, WriteCondition.mustBeAbsent()));
    assertTrue(storage.stat(key).isPresent());
  }

  /**
   * s3proxy 4.0.0 answers 501 NotImplemented to DeleteObject with If-Match; Amazon S3 checks it
   * (LocalStackIT runs the real case). What is asserted here is the honest refusal: nothing
   * deleted.
   */
  @Test
  void conditionalDeleteThatTheServerCannotCheckIsRefused() throws IOException {
    ObjectKey key = ObjectKey.of("del/conditional");
    ObjectInfo v1 = storage.write(key, ContentSource.ofUtf8("x"), WriteCondition.none());
    assertThrows(
        UnsupportedConditionException.class,
        () -> storage.delete(key, WriteCondition.matches(v1.versionToken())));
    assertTrue(storage.stat(key).isPresent());
  }

  @Test
  void listsInKeyOrderAcrossPagesUnderThePrefixOnly() throws IOException {
    List<String> names = List.of("list/b", "list/a/2", "list/a/1", "list/c+d", "listing", "lis");
    for (String name : names) {
      storage.write(ObjectKey.of(name), ContentSource.ofUtf8(name), WriteCondition.none());
    }
    List<String> listed = new ArrayList<>();
    storage.list("list/").toList().forEach(i -> listed.add(i.key().value()));
    assertEquals(List.of("list/a/1", "list/a/2", "list/b", "list/c+d"), listed);
    assertEquals(5, storage.list("list").toList().size());
    try (S3Storage other = server.storage("other").build()) {
      assertFalse(other.list("list").hasNext(), "another prefix sees nothing");
    }
  }

  @Test
  void keysWithPlusSpacesAndUnicodeRoundTrip() throws IOException {
    List<ObjectKey> keys =
        List.of(
            ObjectKey.of("pool/main/libc++/libc++1_1.0+dfsg~1_amd64.deb"),
            ObjectKey.of("odd/with space/and%percent?query#hash"),
            ObjectKey.of("unicode/пакет/データ/😀.whl"));
    for (ObjectKey key : keys) {
      storage.write(key, ContentSource.ofUtf8(key.value()), WriteCondition.none());
      assertEquals(key.value(), new String(readAll(storage, key), UTF_8));
      assertTrue(storage.stat(key).isPresent());
      assertEquals(key, storage.list(key.value()).next().key());
    }
  }

  @Test
  void objectsCarryTheContentTypeAndCacheControlTheServingPolicyGives() throws IOException {
    ServingPolicy policy =
        key ->
            Optional.of(
                key.fileName().endsWith(".html")
                    ? ServingMetadata.shortLived("text/html; charset=utf-8")
                    : ServingMetadata.immutable("application/vnd.debian.binary-package"));
    try (S3Client raw = server.client();
        S3Storage served = server.storage("served").serving(policy).build()) {
      ObjectKey index = ObjectKey.of("simple/demo/index.html");
      ObjectKey deb = ObjectKey.of("pool/main/d/demo/demo_1.0_all.deb");
      served.write(index, ContentSource.ofUtf8("<html/>"), WriteCondition.none());
      served.write(deb, ContentSource.ofUtf8("deb"), WriteCondition.none());
      HeadObjectResponse i =
          raw.headObject(b -> b.bucket(S3ProxyFixture.BUCKET).key("served/" + index));
      HeadObjectResponse d =
          raw.headObject(b -> b.bucket(S3ProxyFixture.BUCKET).key("served/" + deb));
      // Jetty in s3proxy drops the space before charset
      assertEquals("text/html;charset=utf-8", i.contentType().replace(" ", ""));
      assertEquals(CachePolicy.SHORT.cacheControl(), i.cacheControl());
      assertEquals("application/vnd.debian.binary-package", d.contentType());
      assertEquals(CachePolicy.IMMUTABLE.cacheControl(), d.cacheControl());
    }
  }

  @Test
  void closingAPartlyReadStreamLeavesTheStorageUsable() throws IOException {
    ObjectKey key = ObjectKey.of("abort/large");
    storage.write(key, ContentSource.ofBytes(bytes(3 << 20, 6)), WriteCondition.none());
    for (int i = 0; i < 60; i++) { // more than the connection pool holds
      try (ObjectStream in = storage.read(key)) {
        assertTrue(in.read() >= 0);
      }
    }
    assertEquals(3 << 20, readAll(storage, key).length);
  }

  @Test
  void aFailingContentSourceFailsTheWriteAndLeavesNothing() {
    ObjectKey key = ObjectKey.of("fail/source");
    ContentSource broken =
        new ContentSource() {
          @Override
          public InputStream open() throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public OptionalLong size() {
            return OptionalLong.of(10);
          }
        };
    IOException e =
        assertThrows(IOException.class, () -> storage.write(key, broken, WriteCondition.none()));
    assertTrue(
        e.getMessage().contains("disk gone") || e.getCause().getMessage().contains("disk gone"),
        e.toString());
  }

  @Test
  void aStreamFailingMidwayAbortsTheMultipartUploadAndLeavesNothing() throws IOException {
    try (S3Storage s = fresh(ChecksumMode.WHEN_SUPPORTED);
        S3Client raw = server.client()) {
      ObjectKey key = ObjectKey.of("pool/broken.deb");
      ContentSource failing =
          new ContentSource() {
            @Override
            public InputStream open() {
              return new java.io.SequenceInputStream(
                  new GeneratedStream(12 << 20, 9),
                  new InputStream() {
                    @Override
                    public int read() throws IOException {
                      throw new IOException("pipe broke");
                    }
                  });
            }

            @Override
            public OptionalLong size() {
              return OptionalLong.empty();
            }
          };
      IOException e =
          assertThrows(IOException.class, () -> s.write(key, failing, WriteCondition.none()));
      assertEquals("pipe broke", e.getMessage());
      assertTrue(s.stat(key).isEmpty());
      assertTrue(
          raw.listMultipartUploads(b -> b.bucket(S3ProxyFixture.BUCKET)).uploads().isEmpty(),
          "the upload was aborted");
    }
  }

  @Test
  void aCallerSuppliedClientIsUsedAndNotClosed() throws IOException {
    try (S3Client raw = server.client()) {
      S3Storage s =
          S3Storage.builder(new S3Location(S3ProxyFixture.BUCKET, "supplied")).client(raw).build();
      s.write(ObjectKey.of("k"), ContentSource.ofUtf8("v"), WriteCondition.none());
      s.close();
      assertEquals(
          "v",
          raw.getObjectAsBytes(b -> b.bucket(S3ProxyFixture.BUCKET).key("supplied/k"))
              .asUtf8String());
    }
  }

  @Test
  void presignRejectsValiditiesS3DoesNotAllow() {
    assertThrows(
        IllegalArgumentException.class,
        () -> storage.presignGet(ObjectKey.of("k"), Duration.ofDays(8)));
  }
}
