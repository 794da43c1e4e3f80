package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.random;
import static io.pinrepo.testkit.contract.Contents.sha256;
import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.PresignedUrls;
import io.pinrepo.spi.ServerSideCopy;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The promises of {@link Storage}, as a JUnit 5 suite that a backend's test extends in a few lines:
 *
 * <pre>{@code
 * class FileSystemStorageContractTest extends StorageContract {
 *   @TempDir Path dir;
 *
 *   @Override
 *   protected Storage newStorage() throws IOException {
 *     return FileSystemStorage.open(dir);
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh, empty storage from {@link #newStorage()} and closes it afterwards.
 * What a backend may lack is declared through the capability hooks ({@link
 * #supportsConditionalWrites()}, {@link #supportsPresign()}); tests of a missing capability are
 * skipped, except that a backend without conditional writes must refuse them with {@link
 * UnsupportedConditionException}. Optional powers are recognised with {@code instanceof}.
 */
public abstract class StorageContract {

  private Storage storage;

  /** A new, empty storage for one test; the suite closes it after the test. */
  protected abstract Storage newStorage() throws IOException;

  /** Whether the storage checks {@link WriteCondition}s atomically; true by default. */
  protected boolean supportsConditionalWrites() {
    return true;
  }

  /**
   * Whether the storage is a {@link PresignedUrls} whose URLs this JVM can fetch; false by default.
   */
  protected boolean supportsPresign() {
    return false;
  }

  /**
   * How many objects the storage returns in one listing page, so that the listing tests write
   * several pages' worth; keep it small (configure the backend so) to keep the suite fast.
   */
  protected int listingPageSize() {
    return 10;
  }

  /** How many threads race in the concurrent-writer tests; 8 by default. */
  protected int concurrentWriters() {
    return 8;
  }

  /** The storage under test in the current test. */
  protected final Storage storage() {
    return storage;
  }

  @BeforeEach
  void createStorage() throws IOException {
    storage = newStorage();
  }

  @AfterEach
  void closeStorage() throws IOException {
    storage.close();
  }

  // ---- helpers shared by the groups ---------------------------------------------------------

  ObjectInfo put(String key, byte[] bytes) throws IOException {
    return storage.write(ObjectKey.of(key), ContentSource.ofBytes(bytes), WriteCondition.none());
  }

  byte[] get(String key) throws IOException {
    try (ObjectStream in = storage.read(ObjectKey.of(key))) {
      return in.readAllBytes();
    }
  }

  List<String> keysUnder(String prefix) throws IOException {
    List<String> keys = new ArrayList<>();
    try (ObjectListing listing = storage.list(prefix)) {
      for (ObjectInfo info : listing.toList()) {
        keys.add(info.key().value());
      }
    }
    return keys;
  }

  static ObjectKey key(String value) {
    return ObjectKey.of(value);
  }

  @Nested
  @DisplayName("writing and reading whole objects")
  class RoundTrips {

    @Test
    @DisplayName("an empty object round-trips with size zero")
    void emptyObjectRoundTrips() throws IOException {
      ObjectInfo written = put("empty", new byte[0]);

      assertEquals(0, written.size());
      assertEquals(0, get("empty").length);
      assertEquals(0, storage.stat(key("empty")).orElseThrow().size());
    }

    @Test
    @DisplayName("a small object round-trips and stat agrees with what write returned")
    void smallObjectRoundTrips() throws IOException {
      byte[] bytes = utf8("Package: hello\nVersion: 1.0\n");

      ObjectInfo written = put("pool/main/h/hello/hello.txt", bytes);

      assertEquals(key("pool/main/h/hello/hello.txt"), written.key());
      assertEquals(bytes.length, written.size());
      assertArrayEquals(bytes, get("pool/main/h/hello/hello.txt"));
      ObjectInfo stat = storage.stat(written.key()).orElseThrow();
      assertEquals(written.versionToken(), stat.versionToken());
      assertEquals(written.size(), stat.size());
    }

    @Test
    @DisplayName("a multi-MiB object round-trips byte for byte")
    void multiMebibyteObjectRoundTrips() throws IOException {
      byte[] bytes = random(5 * 1024 * 1024 + 123, 42);

      ObjectInfo written = put("big.bin", bytes);

      assertEquals(bytes.length, written.size());
      assertEquals(sha256(bytes), sha256(get("big.bin")));
    }

    @Test
    @DisplayName("a multi-MiB source that does not tell its size round-trips")
    void unsizedSourceRoundTrips() throws IOException {
      byte[] bytes = random(3 * 1024 * 1024 + 7, 7);

      storage.write(key("unsized.bin"), Contents.unsized(bytes), WriteCondition.none());

      assertEquals(sha256(bytes), sha256(get("unsized.bin")));
      assertEquals(bytes.length, storage.stat(key("unsized.bin")).orElseThrow().size());
    }

    @Test
    @DisplayName("an unconditional write replaces the object")
    void unconditionalWriteReplaces() throws IOException {
      put("top", utf8("one"));
      put("top", utf8("two, longer"));

      assertArrayEquals(utf8("two, longer"), get("top"));
      assertEquals(utf8("two, longer").length, storage.stat(key("top")).orElseThrow().size());
    }

    @Test
    @DisplayName("every stream the write opens on its source is closed")
    void closesEverySourceStream() throws IOException {
      Contents.Tracked source = new Contents.Tracked(random(100_000, 3));

      storage.write(key("tracked"), source, WriteCondition.none());

      assertTrue(source.opened.get() >= 1, "the source was never opened");
      assertEquals(source.opened.get(), source.closed.get(), "streams left open");
    }
  }

  @Nested
  @DisplayName("reading ranges")
  class Ranges {

    @ParameterizedTest(name = "offset {0}, length {1}")
    @CsvSource({
      "0, 10",
      "10, 100",
      "0, 1000",
      "999, 1",
      "990, 100",
      "500, 9223372036854775807",
      "0, 9223372036854775807",
      "1000, 10",
      "5000, 10",
      "0, 0",
      "500, 0"
    })
    @DisplayName("a range yields exactly the bytes it covers, truncated at the end")
    void rangeYieldsCoveredBytes(long offset, long length) throws IOException {
      byte[] bytes = random(1000, 11);
      ObjectInfo written = put("ranged", bytes);
      int from = (int) Math.min(offset, bytes.length);
      int to = (int) Math.min(bytes.length, offset + Math.min(length, bytes.length));

      try (ObjectStream in = storage.read(key("ranged"), new ByteRange(offset, length))) {
        assertArrayEquals(Arrays.copyOfRange(bytes, from, Math.max(from, to)), in.readAllBytes());
        assertEquals(bytes.length, in.info().size(), "info describes the object, not the range");
        assertEquals(written.versionToken(), in.info().versionToken());
      }
    }

    @Test
    @DisplayName("any range of an empty object is empty")
    void rangeOfEmptyObjectIsEmpty() throws IOException {
      put("empty", new byte[0]);

      try (ObjectStream in = storage.read(key("empty"), new ByteRange(0, 10))) {
        assertEquals(0, in.readAllBytes().length);
      }
      try (ObjectStream in = storage.read(key("empty"), ByteRange.from(3))) {
        assertEquals(0, in.readAllBytes().length);
      }
    }
  }

  @Nested
  @DisplayName("missing objects")
  class Missing {

    @Test
    @DisplayName("stat of a missing key is empty")
    void statOfMissingIsEmpty() throws IOException {
      assertEquals(Optional.empty(), storage.stat(key("no/such/key")));
    }

    @Test
    @DisplayName("reading a missing key throws ObjectNotFoundException naming the key")
    void readOfMissingThrowsNotFound() {
      ObjectNotFoundException e =
          assertThrows(ObjectNotFoundException.class, () -> storage.read(key("no/such/key")));
      assertEquals(key("no/such/key"), e.key());
    }

    @Test
    @DisplayName("a ranged read of a missing key throws ObjectNotFoundException")
    void rangedReadOfMissingThrowsNotFound() {
      assertThrows(
          ObjectNotFoundException.class,
          () -> storage.read(key("missing"), new ByteRange(1, 2)).close());
    }

    @Test
    @DisplayName("a key below an existing object's key is missing")
    void keyBelowAnObjectIsMissing() throws IOException {
      put("dists/stable/Release", utf8("x"));

      assertEquals(Optional.empty(), storage.stat(key("dists/stable/Release/more")));
      assertThrows(
          ObjectNotFoundException.class, () -> storage.read(key("dists/stable/Release/more")));
    }

    @Test
    @DisplayName("a deleted object is missing to stat, read and list")
    void deletedObjectIsMissing() throws IOException {
      put("a/b/c", utf8("x"));
      put("a/keep", utf8("y"));

      storage.delete(key("a/b/c"), WriteCondition.none());

      assertEquals(Optional.empty(), storage.stat(key("a/b/c")));
      assertThrows(ObjectNotFoundException.class, () -> storage.read(key("a/b/c")));
      assertEquals(List.of("a/keep"), keysUnder(""));
    }

    @Test
    @DisplayName("deleting a missing object without a condition does nothing")
    void deleteOfMissingIsNoOp() throws IOException {
      storage.delete(key("never/written"), WriteCondition.none());

      assertEquals(List.of(), keysUnder(""));
    }
  }

  @Nested
  @DisplayName("version tokens")
  class Versions {

    @Test
    @DisplayName("every replacement with other bytes gets a new token, even of the same size")
    void tokenChangesOnEveryReplacement() throws IOException {
      Set<String> tokens = new HashSet<>();
      for (int i = 0; i < 30; i++) {
        ObjectInfo written = put("dists/stable/InRelease", utf8(String.format("v%03d", i)));
        assertTrue(tokens.add(written.versionToken()), "token repeated: " + written);
        assertEquals(
            written.versionToken(), storage.stat(written.key()).orElseThrow().versionToken());
      }
    }

    @Test
    @DisplayName("a read's info carries the token of the bytes it yields")
    void readInfoMatchesContent() throws IOException {
      ObjectInfo first = put("top", utf8("first"));
      ObjectInfo second = put("top", utf8("second"));

      try (ObjectStream in = storage.read(key("top"))) {
        assertArrayEquals(utf8("second"), in.readAllBytes());
        assertEquals(second.versionToken(), in.info().versionToken());
        assertNotEquals(first.versionToken(), in.info().versionToken());
        assertEquals(key("top"), in.info().key());
      }
    }

    @Test
    @DisplayName("a stream opened before a replace yields the version its info describes")
    void openStreamKeepsItsVersion() throws IOException {
      byte[] old = random(200_000, 1);
      ObjectInfo oldInfo = put("top", old);

      try (ObjectStream in = storage.read(key("top"))) {
        ObjectInfo newInfo = put("top", random(300_000, 2));
        assertEquals(sha256(old), sha256(in.readAllBytes()));
        assertEquals(oldInfo.versionToken(), in.info().versionToken());
        assertNotEquals(newInfo.versionToken(), in.info().versionToken());
      }
    }
  }

  @Nested
  @DisplayName("conditional writes and deletes")
  class Conditions {

    @BeforeEach
    void onlyWithConditions() {
      assumeTrue(supportsConditionalWrites(), "the backend does not support conditions");
    }

    @Test
    @DisplayName("must-be-absent writes when nothing is there")
    void mustBeAbsentWritesNewObject() throws IOException {
      ObjectInfo written =
          storage.write(key("new"), ContentSource.ofUtf8("x"), WriteCondition.mustBeAbsent());

      assertEquals(written.versionToken(), storage.stat(key("new")).orElseThrow().versionToken());
      assertArrayEquals(utf8("x"), get("new"));
    }

    @Test
    @DisplayName("must-be-absent fails on an existing object and leaves it unchanged")
    void mustBeAbsentFailsOnExisting() throws IOException {
      ObjectInfo existing = put("blob", utf8("original"));

      PreconditionFailedException e =
          assertThrows(
              PreconditionFailedException.class,
              () ->
                  storage.write(
                      key("blob"), ContentSource.ofUtf8("other"), WriteCondition.mustBeAbsent()));

      assertEquals(key("blob"), e.key());
      assertArrayEquals(utf8("original"), get("blob"));
      assertEquals(existing.versionToken(), storage.stat(key("blob")).orElseThrow().versionToken());
    }

    @Test
    @DisplayName("matches(current token) replaces the object and yields a new token")
    void matchesCurrentTokenReplaces() throws IOException {
      ObjectInfo first = put("top", utf8("one"));

      ObjectInfo second =
          storage.write(
              key("top"),
              ContentSource.ofUtf8("two"),
              WriteCondition.matches(first.versionToken()));

      assertArrayEquals(utf8("two"), get("top"));
      assertNotEquals(first.versionToken(), second.versionToken());
      assertEquals(second.versionToken(), storage.stat(key("top")).orElseThrow().versionToken());
    }

    @Test
    @DisplayName("matches(stale token) fails and leaves the current version unchanged")
    void matchesStaleTokenFails() throws IOException {
      ObjectInfo first = put("top", utf8("one"));
      ObjectInfo second = put("top", utf8("two"));

      assertThrows(
          PreconditionFailedException.class,
          () ->
              storage.write(
                  key("top"),
                  ContentSource.ofUtf8("three"),
                  WriteCondition.matches(first.versionToken())));

      assertArrayEquals(utf8("two"), get("top"));
      assertEquals(second.versionToken(), storage.stat(key("top")).orElseThrow().versionToken());
    }

    @Test
    @DisplayName("matches on a missing object fails as a lost condition, not as not-found")
    void matchesOnMissingFails() throws IOException {
      ObjectInfo gone = put("top", utf8("one"));
      storage.delete(key("top"), WriteCondition.none());

      assertThrows(
          PreconditionFailedException.class,
          () ->
              storage.write(
                  key("top"),
                  ContentSource.ofUtf8("two"),
                  WriteCondition.matches(gone.versionToken())));
      assertEquals(Optional.empty(), storage.stat(key("top")));
    }

    @Test
    @DisplayName("delete with matches(current token) deletes")
    void deleteMatchingCurrentDeletes() throws IOException {
      ObjectInfo current = put("top", utf8("one"));

      storage.delete(key("top"), WriteCondition.matches(current.versionToken()));

      assertEquals(Optional.empty(), storage.stat(key("top")));
    }

    @Test
    @DisplayName("delete with matches(stale token) fails and keeps the object")
    void deleteWithStaleTokenFails() throws IOException {
      ObjectInfo first = put("top", utf8("one"));
      put("top", utf8("two"));

      assertThrows(
          PreconditionFailedException.class,
          () -> storage.delete(key("top"), WriteCondition.matches(first.versionToken())));

      assertArrayEquals(utf8("two"), get("top"));
    }

    @Test
    @DisplayName("delete with matches on a missing object fails")
    void deleteMatchingMissingFails() throws IOException {
      ObjectInfo gone = put("top", utf8("one"));
      storage.delete(key("top"), WriteCondition.none());

      assertThrows(
          PreconditionFailedException.class,
          () -> storage.delete(key("top"), WriteCondition.matches(gone.versionToken())));
    }
  }

  @Nested
  @DisplayName("a backend without conditional writes")
  class WithoutConditions {

    @Test
    @DisplayName("refuses conditions instead of checking then writing")
    void refusesConditions() throws IOException {
      assumeFalse(supportsConditionalWrites(), "the backend supports conditions");
      ObjectInfo existing = put("top", utf8("one"));

      assertThrows(
          UnsupportedConditionException.class,
          () ->
              storage.write(key("new"), ContentSource.ofUtf8("x"), WriteCondition.mustBeAbsent()));
      assertThrows(
          UnsupportedConditionException.class,
          () -> storage.delete(key("top"), WriteCondition.matches(existing.versionToken())));
      assertEquals(Optional.empty(), storage.stat(key("new")));
      assertArrayEquals(utf8("one"), get("top"));
    }
  }

  @Nested
  @DisplayName("concurrent conditional writers")
  class Races {

    @BeforeEach
    void onlyWithConditions() {
      assumeTrue(supportsConditionalWrites(), "the backend does not support conditions");
    }

    @Test
    @DisplayName("of N writers with must-be-absent exactly one wins, round after round")
    void exactlyOneMustBeAbsentWriterWins() throws Exception {
      for (int round = 0; round < 5; round++) {
        ObjectKey target = key("race/absent-" + round);
        List<Race.Outcome> outcomes =
            Race.run(
                concurrentWriters(),
                writer ->
                    storage.write(target, writerContent(writer), WriteCondition.mustBeAbsent()));
        assertExactlyOneWinner(target, outcomes);
      }
    }

    @Test
    @DisplayName("of N writers matching the same token exactly one wins, round after round")
    void exactlyOneMatchingWriterWins() throws Exception {
      ObjectKey target = key("race/top");
      ObjectInfo current = put(target.value(), utf8("start"));
      for (int round = 0; round < 5; round++) {
        WriteCondition condition = WriteCondition.matches(current.versionToken());
        List<Race.Outcome> outcomes =
            Race.run(
                concurrentWriters(),
                writer -> storage.write(target, writerContent(writer), condition));
        current = assertExactlyOneWinner(target, outcomes);
      }
    }

    @Test
    @DisplayName("read-modify-write increments with retries lose no update")
    void incrementsLoseNoUpdate() throws Exception {
      ObjectKey counter = key("race/counter");
      put(counter.value(), utf8("0"));
      int perWriter = 5;

      List<Race.Outcome> outcomes =
          Race.run(
              concurrentWriters(),
              writer -> {
                for (int done = 0; done < perWriter; ) {
                  try (ObjectStream in = storage.read(counter)) {
                    long value = Long.parseLong(new String(in.readAllBytes(), "UTF-8"));
                    storage.write(
                        counter,
                        ContentSource.ofUtf8(Long.toString(value + 1)),
                        WriteCondition.matches(in.info().versionToken()));
                    done++;
                  } catch (PreconditionFailedException lost) {
                    // another writer incremented first: read again
                  }
                }
                return null;
              });

      outcomes.forEach(o -> assertEquals(Optional.empty(), o.failure(), "writer failed"));
      assertEquals(
          Long.toString((long) concurrentWriters() * perWriter),
          new String(get(counter.value()), "UTF-8"));
    }

    private ContentSource writerContent(int writer) {
      return ContentSource.ofBytes(random(1000 + writer, writer));
    }

    private ObjectInfo assertExactlyOneWinner(ObjectKey target, List<Race.Outcome> outcomes)
        throws IOException {
      List<Race.Outcome> winners = outcomes.stream().filter(Race.Outcome::won).toList();
      assertEquals(1, winners.size(), "winners: " + winners);
      for (Race.Outcome o : outcomes) {
        if (!o.won()) {
          assertTrue(
              o.failure().orElseThrow() instanceof PreconditionFailedException,
              "a loser failed otherwise: " + o.failure());
        }
      }
      Race.Outcome winner = winners.get(0);
      byte[] expected = random(1000 + winner.writer(), winner.writer());
      assertArrayEquals(expected, get(target.value()));
      ObjectInfo stat = storage.stat(target).orElseThrow();
      assertEquals(winner.info().versionToken(), stat.versionToken());
      return stat;
    }
  }

  @Nested
  @DisplayName("failed writes")
  class FailedWrites {

    @Test
    @DisplayName("a source failing midway leaves nothing under a new key")
    void failingSourceLeavesNothing() throws IOException {
      assertThrows(
          IOException.class,
          () -> storage.write(key("half"), Contents.failingAfter(100_000), WriteCondition.none()));

      assertEquals(Optional.empty(), storage.stat(key("half")));
      assertThrows(ObjectNotFoundException.class, () -> storage.read(key("half")));
      assertEquals(List.of(), keysUnder(""));
    }

    @Test
    @DisplayName("a source failing midway leaves the previous version intact")
    void failingSourceKeepsPreviousVersion() throws IOException {
      byte[] before = random(50_000, 5);
      ObjectInfo previous = put("top", before);

      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  storage.write(key("top"), Contents.failingAfter(100_000), WriteCondition.none()));

      assertFalse(e instanceof PreconditionFailedException, "not a lost race: " + e);
      assertArrayEquals(before, get("top"));
      assertEquals(previous.versionToken(), storage.stat(key("top")).orElseThrow().versionToken());
      assertEquals(List.of("top"), keysUnder(""));
    }

    @Test
    @DisplayName("a conditional write whose source fails midway leaves the previous version")
    void failingConditionalWriteKeepsPreviousVersion() throws IOException {
      assumeTrue(supportsConditionalWrites(), "the backend does not support conditions");
      ObjectInfo previous = put("top", utf8("kept"));

      assertThrows(
          IOException.class,
          () ->
              storage.write(
                  key("top"),
                  Contents.failingAfter(10),
                  WriteCondition.matches(previous.versionToken())));

      assertArrayEquals(utf8("kept"), get("top"));
      assertEquals(previous.versionToken(), storage.stat(key("top")).orElseThrow().versionToken());
    }
  }

  @Nested
  @DisplayName("listing")
  class Listing {

    @Test
    @DisplayName("lists every key across several pages in lexicographic order")
    void listsAcrossPagesInOrder() throws IOException {
      int count = listingPageSize() * 3 + 3;
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        expected.add("many/" + i); // unpadded: many/10 sorts before many/2
      }
      for (String k : shuffled(expected)) {
        put(k, utf8(k));
      }
      put("man", utf8("before"));
      put("manz", utf8("after"));
      Collections.sort(expected);

      assertEquals(expected, keysUnder("many/"));
    }

    @Test
    @DisplayName("lists exactly one page's worth without a phantom entry")
    void listsExactlyOnePage() throws IOException {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < listingPageSize(); i++) {
        expected.add(String.format("page/%04d", i));
        put(expected.get(i), utf8("x"));
      }

      try (ObjectListing listing = storage.list("page/")) {
        List<String> seen = new ArrayList<>();
        while (listing.hasNext()) {
          seen.add(listing.next().key().value());
        }
        assertEquals(expected, seen);
        assertFalse(listing.hasNext());
        assertThrows(NoSuchElementException.class, listing::next);
      }
    }

    @Test
    @DisplayName("orders tricky keys by code unit: a-b, a.b, a/x, a0 and beyond ASCII")
    void ordersTrickyKeys() throws IOException {
      List<String> keys =
          new ArrayList<>(
              List.of(
                  "a-b", "a/x", "a.b", "a0", "a b", "a+b", "ab", "aé", "a日", "A", "Z", "é", "~",
                  "a/x-y", "a/w"));
      for (String k : shuffled(keys)) {
        put(k, utf8(k));
      }
      Collections.sort(keys);

      assertEquals(keys, keysUnder(""));
    }

    @Test
    @DisplayName("a prefix need not end at a segment boundary")
    void prefixIsAPlainStringPrefix() throws IOException {
      for (String k :
          List.of(
              "dists/stable/InRelease",
              "dists/stable-updates/InRelease",
              "dists/stablex",
              "dists/stabl",
              "dists/testing/InRelease")) {
        put(k, utf8(k));
      }

      assertEquals(
          List.of("dists/stable-updates/InRelease", "dists/stable/InRelease", "dists/stablex"),
          keysUnder("dists/stable"));
      assertEquals(List.of("dists/stable/InRelease"), keysUnder("dists/stable/"));
      assertEquals(List.of("dists/stable/InRelease"), keysUnder("dists/stable/In"));
      assertEquals(List.of("dists/stable/InRelease"), keysUnder("dists/stable/InRelease"));
      assertEquals(5, keysUnder("dis").size());
      assertEquals(5, keysUnder("").size());
      assertEquals(List.of(), keysUnder("dists/unstable"));
      assertEquals(List.of(), keysUnder("nothing/"));
    }

    @Test
    @DisplayName("reports each object's size and current token")
    void reportsSizeAndToken() throws IOException {
      ObjectInfo a = put("info/a", random(10, 1));
      ObjectInfo b = put("info/b", new byte[0]);
      ObjectInfo c = put("info/c", random(70_000, 3));

      try (ObjectListing listing = storage.list("info/")) {
        List<ObjectInfo> listed = listing.toList();
        assertEquals(3, listed.size());
        for (int i = 0; i < 3; i++) {
          ObjectInfo expected = List.of(a, b, c).get(i);
          assertEquals(expected.key(), listed.get(i).key());
          assertEquals(expected.size(), listed.get(i).size());
          assertEquals(expected.versionToken(), listed.get(i).versionToken());
        }
      }
    }

    @Test
    @DisplayName("a listing closed halfway releases cleanly")
    void listingClosedHalfway() throws IOException {
      for (int i = 0; i < listingPageSize() * 2; i++) {
        put("half/" + i, utf8("x"));
      }

      try (ObjectListing listing = storage.list("half/")) {
        assertTrue(listing.hasNext());
        listing.next();
      }
      assertEquals(listingPageSize() * 2, keysUnder("half/").size());
    }

    private List<String> shuffled(List<String> keys) {
      List<String> copy = new ArrayList<>(keys);
      Collections.shuffle(copy, new Random(17));
      return copy;
    }
  }

  @Nested
  @DisplayName("object keys")
  class Keys {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
        strings = {
          "with space/file name.txt",
          "plus+sign/a+b",
          "percent%20encoded",
          "unicode/ü/ß/日本語",
          "emoji/😀",
          "query?and#fragment",
          "amp&eq=semi;colon",
          "dots/a..b/.hidden/...x",
          "brackets/[x](y){z}",
          "quote's \"double\"",
          "-leading-dash/~tilde"
        })
    @DisplayName("tricky valid keys round-trip through write, stat, read and list")
    void trickyKeysRoundTrip(String value) throws IOException {
      ObjectKey k = key(value);
      put(value, utf8(value));

      assertEquals(k, storage.stat(k).orElseThrow().key());
      assertArrayEquals(utf8(value), get(value));
      assertEquals(List.of(value), keysUnder(""));
      assertEquals(List.of(value), keysUnder(value));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
        strings = {
          "",
          "/leading",
          "trailing/",
          "a//b",
          "a/../b",
          "..",
          "../escape",
          "a/./b",
          ".",
          "back\\slash",
          "nul\u0000byte",
          "new\nline",
          "tab\tchar",
          "del\u007fchar",
          "c1\u0085char",
          "lone\ud800surrogate"
        })
    @DisplayName("invalid keys are refused with a message naming the key")
    void invalidKeysAreRefused(String value) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ObjectKey.of(value));
      assertTrue(e.getMessage().startsWith("invalid object key '"), e.getMessage());
    }

    @Test
    @DisplayName("a key longer than 1,024 bytes of UTF-8 is refused")
    void overlongKeyIsRefused() {
      assertThrows(IllegalArgumentException.class, () -> ObjectKey.of("é".repeat(513)));
      assertEquals(
          1024,
          ObjectKey.of("é".repeat(512))
              .value()
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)
              .length);
    }
  }

  @Nested
  @DisplayName("server-side copy")
  class Copy {

    private ServerSideCopy copier;

    @BeforeEach
    void onlyWithCopy() {
      assumeTrue(
          storage instanceof ServerSideCopy c && c.canCopyTo(storage),
          "the backend cannot copy within itself");
      copier = (ServerSideCopy) storage;
    }

    @Test
    @DisplayName("copies the bytes to the target key")
    void copiesBytes() throws IOException {
      byte[] bytes = random(123_456, 9);
      put("source", bytes);

      ObjectInfo copy = copier.copy(key("source"), storage, key("target"), WriteCondition.none());

      assertEquals(key("target"), copy.key());
      assertEquals(sha256(bytes), sha256(get("target")));
      assertArrayEquals(bytes, get("source"));
    }

    @Test
    @DisplayName("copying a missing source throws ObjectNotFoundException")
    void copyOfMissingSourceFails() {
      assertThrows(
          ObjectNotFoundException.class,
          () -> copier.copy(key("missing"), storage, key("target"), WriteCondition.none()));
    }

    @Test
    @DisplayName("the condition is checked at the target")
    void copyChecksConditionAtTarget() throws IOException {
      assumeTrue(supportsConditionalWrites(), "the backend does not support conditions");
      put("source", utf8("new"));
      put("target", utf8("old"));

      assertThrows(
          PreconditionFailedException.class,
          () -> copier.copy(key("source"), storage, key("target"), WriteCondition.mustBeAbsent()));
      assertArrayEquals(utf8("old"), get("target"));
    }
  }

  @Nested
  @DisplayName("presigned URLs")
  class Presign {

    @Test
    @DisplayName("a presigned URL serves the object's bytes without credentials")
    void presignedUrlServesObject() throws Exception {
      assumeTrue(supportsPresign(), "the backend does not presign");
      byte[] bytes = random(10_000, 4);
      put("pool/file.deb", bytes);

      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(((PresignedUrls) storage).presignGet(key("pool/file.deb")))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());

      assertEquals(200, response.statusCode());
      assertArrayEquals(bytes, response.body());
    }
  }
}
