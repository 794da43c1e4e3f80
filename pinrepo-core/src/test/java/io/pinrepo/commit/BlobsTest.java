package io.pinrepo.commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.PackageConflictException;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Write-once blobs: same bytes again is a no-op, other bytes are refused. */
class BlobsTest {

  private static final ObjectKey KEY = ObjectKey.of("pool/main/h/hello/hello_1.0_all.deb");

  private final InMemoryStorage storage = new InMemoryStorage();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Blobs.Outcome put(Storage target, String content) throws IOException {
    byte[] bytes = utf8(content);
    return Blobs.put(target, KEY, ContentSource.ofBytes(bytes), Digests.of(bytes));
  }

  @Test
  void writesANewBlob() throws IOException {
    assertEquals(Blobs.Outcome.WRITTEN, put(storage, "deb"));

    assertArrayEquals(utf8("deb"), storage.peek(KEY).orElseThrow());
  }

  @Test
  void theSameBytesAgainAreANoOp() throws IOException {
    put(storage, "deb");
    ObjectInfo before = storage.stat(KEY).orElseThrow();

    assertEquals(Blobs.Outcome.ALREADY_PRESENT, put(storage, "deb"));

    assertEquals(before, storage.stat(KEY).orElseThrow());
    assertEquals(0, storage.openStreams());
  }

  @Test
  void otherBytesUnderAnExistingKeyAreRefusedNamingBothHashes() throws IOException {
    put(storage, "deb");

    PackageConflictException e =
        assertThrows(PackageConflictException.class, () -> put(storage, "other deb"));

    assertTrue(e.getMessage().startsWith(KEY.value()), e.getMessage());
    assertTrue(e.getMessage().contains(Digests.of(utf8("deb")).sha256()), e.getMessage());
    assertTrue(e.getMessage().contains(Digests.of(utf8("other deb")).sha256()), e.getMessage());
    assertArrayEquals(utf8("deb"), storage.peek(KEY).orElseThrow());
  }

  @Test
  void writesAgainWhenTheBlobVanishesAfterTheLostWrite() throws IOException {
    storage.write(KEY, ContentSource.ofUtf8("deb"), WriteCondition.none());
    Storage collectedMeanwhile = new DeletingAfterLostWrite(storage);

    assertEquals(Blobs.Outcome.WRITTEN, put(collectedMeanwhile, "deb"));

    assertArrayEquals(utf8("deb"), storage.peek(KEY).orElseThrow());
  }

  @Test
  void matchesComparesSizeAndSha256() throws IOException {
    put(storage, "deb");

    assertTrue(Blobs.matches(storage, KEY, Digests.of(utf8("deb"))));
    assertFalse(Blobs.matches(storage, KEY, Digests.of(utf8("bed"))));
    assertFalse(Blobs.matches(storage, KEY, Digests.of(utf8("longer"))));
    assertFalse(Blobs.matches(storage, ObjectKey.of("missing"), Digests.of(utf8("deb"))));
  }

  @Test
  void matchesSkipsReadingWhenTheSizeDiffers() throws IOException {
    put(storage, "deb");
    storage.resetCounts();

    Blobs.matches(storage, KEY, Digests.of(utf8("longer")));

    assertEquals(0, storage.count(Operation.READ));
  }

  @Test
  void digestsOfReadsTheWholeObject() throws IOException {
    put(storage, "deb");

    assertEquals(Digests.of(utf8("deb")), Blobs.digestsOf(storage, KEY));
  }

  /** Deletes the object right after a write loses, as a GC sweep in between would. */
  private record DeletingAfterLostWrite(Storage delegate) implements Storage {
    @Override
    public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
        throws IOException {
      try {
        return delegate.write(key, content, condition);
      } catch (PreconditionFailedException e) {
        delegate.delete(key, WriteCondition.none());
        throw e;
      }
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
      return delegate.stat(key);
    }

    @Override
    public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
      return delegate.read(key, range);
    }

    @Override
    public void delete(ObjectKey key, WriteCondition condition) throws IOException {
      delegate.delete(key, condition);
    }

    @Override
    public ObjectListing list(String prefix) throws IOException {
      return delegate.list(prefix);
    }
  }
}
