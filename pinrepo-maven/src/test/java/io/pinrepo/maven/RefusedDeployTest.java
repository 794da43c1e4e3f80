package io.pinrepo.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A refused deploy, for bad files found up front or for a conflict that a concurrent deploy of the
 * same release causes midway, leaves the repository byte for byte as it was (but for what the other
 * deploy wrote) and names every bad file once.
 */
class RefusedDeployTest {
  private static final String JAR = "com/example/demo/1.0/demo-1.0.jar";
  private static final String SOURCES = "com/example/demo/1.0/demo-1.0-sources.jar";
  private static final String METADATA = "com/example/demo/maven-metadata.xml";

  private final InMemoryStorage memory = new InMemoryStorage();

  @Test
  void aMalformedPluginJarAndTwoConflictingFilesAreRefusedTogetherOneCauseEach() throws Exception {
    MavenRepository.builder(memory).build().deploy(release("jar", Fixtures.jar("r10"), "r10-src"));
    Map<String, byte[]> before = memory.snapshot();

    Deployment plugin = release("maven-plugin", "not a zip".getBytes(), "other-src");
    RefusedBatchException e =
        assertThrows(
            RefusedBatchException.class,
            () -> MavenRepository.builder(memory).build().deploy(plugin));

    List<PinrepoException> causes = e.causes();
    assertEquals(3, causes.size(), causes.toString());
    assertInstanceOf(MalformedPackageException.class, causes.get(0));
    assertTrue(
        causes.get(0).getMessage().startsWith("demo-1.0.jar: is not a jar"), causes.toString());
    assertTrue(
        causes.get(1).getMessage().startsWith("demo-1.0-sources.jar: " + SOURCES),
        causes.toString());
    assertTrue(causes.get(2).getMessage().startsWith("demo-1.0.pom: "), causes.toString());
    assertSame(before, memory.snapshot());
  }

  @Test
  void aReleaseRefusedBecauseARacingDeployWroteOtherBytesTakesBackWhatItCreated() throws Exception {
    MavenRepository.builder(memory)
        .build()
        .deploy(Fixtures.deployment("com.example", "demo", "0.9", "old"));
    Map<String, byte[]> before = memory.snapshot();
    byte[] theirs = Fixtures.jar("their-src");
    // The other deploy writes its sources jar just as this one writes its main jar.
    Storage racing =
        new OnFirstTouch(
            memory,
            JAR,
            false,
            () ->
                memory.write(
                    ObjectKey.of(SOURCES),
                    ContentSource.ofBytes(theirs),
                    WriteCondition.mustBeAbsent()));

    PackageConflictException e =
        assertThrows(
            PackageConflictException.class,
            () ->
                MavenRepository.builder(racing)
                    .build()
                    .deploy(release("jar", Fixtures.jar("r10"), "our-src")));

    assertTrue(e.getMessage().startsWith("demo-1.0-sources.jar: " + SOURCES), e.getMessage());
    Map<String, byte[]> expected = new TreeMap<>(before);
    expected.put(SOURCES, theirs);
    assertSame(expected, memory.snapshot());
  }

  @Test
  void filesARacingDeployCommittedMeanwhileAreNeverTakenBack() throws Exception {
    byte[] jar = Fixtures.jar("r10");
    byte[] theirSources = Fixtures.jar("their-src");
    Storage racing =
        new OnFirstTouch(
            memory,
            METADATA,
            true,
            () -> {
              // Between this deploy's conflict and its cleanup, the other deploy (the same main
              // jar,
              // its own sources) finds the jar this one created and commits the version.
              MavenRepository.builder(memory).build().deploy(release("jar", jar, theirSources));
            });
    Storage firstTheirSources =
        new OnFirstTouch(
            racing,
            JAR,
            false,
            () ->
                memory.write(
                    ObjectKey.of(SOURCES),
                    ContentSource.ofBytes(theirSources),
                    WriteCondition.mustBeAbsent()));

    assertThrows(
        PackageConflictException.class,
        () ->
            MavenRepository.builder(firstTheirSources)
                .build()
                .deploy(release("jar", jar, Fixtures.jar("our-src"))));

    assertArrayEquals(jar, memory.peek(ObjectKey.of(JAR)).orElseThrow());
    assertArrayEquals(theirSources, memory.peek(ObjectKey.of(SOURCES)).orElseThrow());
    assertTrue(Fixtures.text(memory, METADATA).contains("<version>1.0</version>"));
  }

  private static Deployment release(String packaging, byte[] jar, String sourcesLabel) {
    return release(packaging, jar, Fixtures.jar(sourcesLabel));
  }

  private static Deployment release(String packaging, byte[] jar, byte[] sources) {
    return Deployment.of(
        "demo-1.0.pom",
        ContentSource.ofUtf8(Fixtures.pom("com.example", "demo", "1.0", packaging)),
        List.of(
            new ArtifactFile("", "jar", ContentSource.ofBytes(jar), "demo-1.0.jar"),
            new ArtifactFile(
                "sources", "jar", ContentSource.ofBytes(sources), "demo-1.0-sources.jar")));
  }

  private static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
  }

  /** Something another deploy does, run at a chosen moment. */
  @FunctionalInterface
  interface Interleaved {
    void run() throws IOException;
  }

  /** Runs {@code then} once, just before the first write (or read) of {@code key}. */
  private static final class OnFirstTouch extends ForwardingStorage {
    private final String key;
    private final boolean onRead;
    private Interleaved then;

    OnFirstTouch(Storage delegate, String key, boolean onRead, Interleaved then) {
      super(delegate);
      this.key = key;
      this.onRead = onRead;
      this.then = then;
    }

    @Override
    public ObjectInfo write(ObjectKey k, ContentSource content, WriteCondition condition)
        throws IOException {
      if (!onRead) {
        touch(k);
      }
      return super.write(k, content, condition);
    }

    @Override
    public ObjectStream read(ObjectKey k, ByteRange range) throws IOException {
      if (onRead) {
        touch(k);
      }
      return super.read(k, range);
    }

    private void touch(ObjectKey k) throws IOException {
      if (then != null && k.value().equals(key)) {
        Interleaved now = then;
        then = null;
        now.run();
      }
    }
  }
}
