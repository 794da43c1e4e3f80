package io.pinrepo.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * GC against a minimal format whose top, {@code index}, lists live blob keys one per line and whose
 * blobs live under {@code blobs/}.
 */
class GarbageCollectorTest {

  static final ObjectKey INDEX = ObjectKey.of("index");

  /** The toy format; {@code onMark} runs at each mark, to let a test commit during a GC. */
  static final class ListFormat implements RepositoryFormat {
    Runnable onMark = () -> {};
    int marks;

    @Override
    public String name() {
      return "list";
    }

    @Override
    public boolean isPresent(Storage storage) throws IOException {
      return storage.stat(INDEX).isPresent();
    }

    @Override
    public void verify(Storage storage, VerifyContext context, Consumer<Problem> problems) {}

    @Override
    public void markLive(Storage storage, Consumer<LiveObject> live) throws IOException {
      marks++;
      onMark.run();
      live.accept(LiveObject.top(INDEX));
      try (InputStream in = storage.read(INDEX)) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .filter(l -> !l.isBlank())
            .map(ObjectKey::of)
            .map(LiveObject::blob)
            .forEach(live);
      }
    }

    @Override
    public List<String> collectablePrefixes(Storage storage) {
      return List.of("blobs/");
    }

    @Override
    public Optional<ServingMetadata> serving(ObjectKey key) {
      return Optional.empty();
    }
  }

  final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  final InMemoryStorage storage = new InMemoryStorage(clock, 2);
  final ListFormat format = new ListFormat();
  final GarbageCollector gc = new GarbageCollector(List.of(format), clock);

  void put(String key) throws IOException {
    storage.write(ObjectKey.of(key), ContentSource.ofUtf8(key), WriteCondition.none());
  }

  void index(String... keys) throws IOException {
    storage.write(INDEX, ContentSource.ofUtf8(String.join("\n", keys)), WriteCondition.none());
  }

  List<String> keys() {
    return storage.keys().stream().map(ObjectKey::value).toList();
  }

  @Test
  void deletesOnlyUnreachableBlobsOlderThanTheGracePeriod() throws IOException {
    put("blobs/live");
    put("blobs/dead");
    put("other/untouched");
    index("blobs/live");
    clock.advance(Duration.ofHours(2));
    put("blobs/young");

    GarbageCollector.Result result = gc.run(storage, Duration.ofHours(1), false, info -> {});

    assertEquals(
        List.of("blobs/dead"), result.collected().stream().map(i -> i.key().value()).toList());
    assertEquals(List.of("blobs/live", "blobs/young", "index", "other/untouched"), keys());
    assertEquals(1, result.spared());
    assertEquals("blobs/dead".length(), result.collectedBytes());
  }

  @Test
  void dryRunReportsWithoutDeleting() throws IOException {
    put("blobs/a");
    put("blobs/b");
    put("blobs/c");
    index();
    clock.advance(Duration.ofDays(1));
    List<String> before = keys();

    GarbageCollector.Result result = gc.run(storage, Duration.ofHours(1), true, info -> {});

    assertTrue(result.dryRun());
    assertEquals(3, result.collected().size());
    assertEquals(before, keys());
  }

  @Test
  void aCommitLandingDuringTheSweepProtectsWhatItNames() throws IOException {
    put("blobs/reused");
    index();
    clock.advance(Duration.ofDays(1));
    // Between the first and the second mark a publisher commits an index naming the old blob.
    format.onMark =
        () -> {
          if (format.marks == 2) {
            try {
              index("blobs/reused");
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
        };

    GarbageCollector.Result result = gc.run(storage, Duration.ofHours(1), false, info -> {});

    assertEquals(List.of(), result.collected());
    assertTrue(keys().contains("blobs/reused"));
  }

  @Test
  void aBlobRewrittenAfterTheListingIsNotDeleted() throws IOException {
    put("blobs/refreshed");
    index();
    clock.advance(Duration.ofDays(1));
    List<ObjectInfo> progress = new ArrayList<>();
    // A publisher refreshes the blob after GC listed it (its version changes) but never commits.
    format.onMark =
        () -> {
          if (format.marks == 2) {
            try {
              put("blobs/refreshed");
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
        };

    GarbageCollector.Result result = gc.run(storage, Duration.ofHours(1), false, progress::add);

    assertEquals(List.of(), result.collected());
    assertEquals(List.of(), progress);
    assertTrue(keys().contains("blobs/refreshed"));
  }

  @Test
  void aStorageWithoutTheFormatIsLeftAlone() throws IOException {
    put("blobs/x");
    clock.advance(Duration.ofDays(1));

    GarbageCollector.Result result = gc.run(storage, Duration.ZERO, false, info -> {});

    assertEquals(List.of(), result.formatsFound());
    assertEquals(List.of("blobs/x"), keys());
  }
}
