package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.python.WheelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publisher that commits, then writes its HTML page late (after a newer publisher has written and
 * checked its own) and dies right after that write, must not leave the page without the newer
 * publisher's file: the newer publisher reported success.
 */
class SlowHtmlWriterTest {
  private static final ObjectKey HTML = ObjectKey.of("simple/demo/index.html");
  private static final ObjectKey JSON = ObjectKey.of("simple/demo/index.json");

  @TempDir Path dir;

  @Test
  void aLateHtmlWriteThatDiesNeverHidesANewerReportedPublish() throws Exception {
    InMemoryStorage memory = new InMemoryStorage(PypiRepositoryTest.CLOCK, 100);
    PypiRepository fast = PypiRepository.builder(memory).clock(PypiRepositoryTest.CLOCK).build();
    fast.publish(WheelBuilder.of("demo", "1.0").writeTo(dir));
    Path slowWheel = WheelBuilder.of("demo", "1.1").writeTo(dir.resolve("slow"));
    Path fastWheel = WheelBuilder.of("demo", "1.2").writeTo(dir.resolve("fast"));

    CountDownLatch slowCommitted = new CountDownLatch(1);
    CountDownLatch fastDone = new CountDownLatch(1);
    Storage slowStorage = new DyingAfterHtmlWrite(memory, slowCommitted, fastDone);
    PypiRepository slow =
        PypiRepository.builder(slowStorage).clock(PypiRepositoryTest.CLOCK).build();
    CompletableFuture<PublishResult> slowPublish =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return slow.publish(slowWheel);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    slowCommitted.await();
    fast.publish(fastWheel);
    fastDone.countDown();
    assertThrows(Exception.class, slowPublish::join);

    String html = new String(memory.peek(HTML).orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(html.contains("demo-1.2-"), "the reported publish of 1.2 is hidden:\n" + html);
    assertEquals(
        3, fast.read(ProjectName.of("demo")).orElseThrow().versions().size(), "the JSON state");
  }

  /**
   * Lets its publisher commit, holds its first write of the HTML page until the other publisher is
   * done, lets that write through, then fails every call: the process died.
   */
  private static final class DyingAfterHtmlWrite implements Storage {
    private final Storage delegate;
    private final CountDownLatch committed;
    private final CountDownLatch release;
    private volatile boolean dead;

    DyingAfterHtmlWrite(Storage delegate, CountDownLatch committed, CountDownLatch release) {
      this.delegate = delegate;
      this.committed = committed;
      this.release = release;
    }

    private void alive() throws IOException {
      if (dead) {
        throw new IOException("killed");
      }
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
      alive();
      return delegate.stat(key);
    }

    @Override
    public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
      alive();
      return delegate.read(key, range);
    }

    @Override
    public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
        throws IOException {
      alive();
      if (key.equals(HTML)) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        dead = true;
        return delegate.write(key, content, condition);
      }
      ObjectInfo info = delegate.write(key, content, condition);
      if (key.equals(JSON)) {
        committed.countDown();
      }
      return info;
    }

    @Override
    public void delete(ObjectKey key, WriteCondition condition) throws IOException {
      alive();
      delegate.delete(key, condition);
    }

    @Override
    public ObjectListing list(String prefix) throws IOException {
      alive();
      return delegate.list(prefix);
    }
  }
}
