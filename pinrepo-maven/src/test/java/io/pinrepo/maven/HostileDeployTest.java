package io.pinrepo.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.pinrepo.MalformedPackageException;
import io.pinrepo.PinrepoException;
import io.pinrepo.fixtures.hostile.HostilePoms;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile POM and plugin jar of {@link HostilePoms}, deployed through the library into a
 * repository that holds a release and a snapshot already: a typed exception whose one-line message
 * names the file and the problem, the repository byte for byte as it was, nothing fetched, and an
 * allocation far below what the input would cost if it were expanded.
 */
class HostileDeployTest {
  /** The most one refused deploy may allocate: a few times the largest input (5 MiB). */
  private static final long MAX_ALLOCATED = 96L * 1024 * 1024;

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyHostileDeployIsRefusedAndChangesNothing() throws IOException {
    List<HostilePoms.Case> cases = HostilePoms.writeAll(dir.resolve("hostile"));
    assertTrue(cases.size() >= 12, "only " + cases.size() + " cases");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> refused(c)));
  }

  private void refused(HostilePoms.Case hostile) throws IOException {
    InMemoryStorage storage = repositoryWithContent();
    Map<String, byte[]> before = storage.snapshot();
    MavenRepository maven = MavenRepository.builder(storage).build();

    long allocatedBefore = allocated();
    PinrepoException e =
        assertThrows(PinrepoException.class, () -> maven.deploy(deploymentOf(hostile)));
    long allocated = allocated() - allocatedBefore;

    String message = e.getMessage();
    assertTrue(message.contains(hostile.culprit().toString()), message);
    assertTrue(message.contains(hostile.problem()), message);
    assertFalse(message.contains("\n") || message.contains("\r"), message);
    assertTrue(message.length() < 600, "a message of " + message.length() + " characters");
    assertFalse(message.contains("root:"), "the message shows /etc/passwd: " + message);
    assertSameContent(before, storage.snapshot());
    assertEquals(0, storage.openStreams(), "streams left open");
    assertTrue(allocated < MAX_ALLOCATED, "allocated " + allocated + " bytes");
  }

  @Test
  void neitherAnExternalDtdNorAnExternalEntityIsFetched() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] dtd = "<!ENTITY leak \"fetched\">".getBytes();
          exchange.sendResponseHeaders(200, dtd.length);
          exchange.getResponseBody().write(dtd);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
      String dtd = "<!DOCTYPE project SYSTEM \"" + url + "\">";
      String entity = "<!DOCTYPE project [<!ENTITY leak SYSTEM \"" + url + "\">]>";
      for (String prolog : List.of(dtd, entity)) {
        Path pom =
            Files.writeString(
                dir.resolve("fetch.pom"),
                prolog
                    + "<project><groupId>g</groupId><artifactId>a</artifactId>"
                    + "<version>1</version><name>&leak;</name></project>");
        MavenRepository maven = MavenRepository.builder(new InMemoryStorage()).build();
        MalformedPackageException e =
            assertThrows(
                MalformedPackageException.class,
                () ->
                    maven.deploy(
                        Deployment.of(pom.toString(), ContentSource.ofPath(pom), List.of())));
        assertTrue(e.getMessage().contains("<!DOCTYPE>"), e.getMessage());
      }
    } finally {
      server.stop(0);
    }
    assertEquals(0, requests.get());
  }

  /** A release and a snapshot of the cases' own artifact, so a refusal has something to keep. */
  private static InMemoryStorage repositoryWithContent() throws IOException {
    InMemoryStorage storage = new InMemoryStorage();
    MavenRepository maven = MavenRepository.builder(storage).build();
    maven.deploy(Fixtures.deployment(HostilePoms.GROUP_ID, HostilePoms.ARTIFACT_ID, "0.9", "old"));
    maven.deploy(
        Fixtures.deployment(HostilePoms.GROUP_ID, HostilePoms.ARTIFACT_ID, "2.0-SNAPSHOT", "s"));
    return storage;
  }

  /**
   * The deploy of a case's files: the POM as given, each other file named for the coordinates the
   * cases declare (as the CLI names them; a name that does not fit is refused right here).
   */
  private static Deployment deploymentOf(HostilePoms.Case hostile) throws IOException {
    Coordinates declared =
        new Coordinates(HostilePoms.GROUP_ID, HostilePoms.ARTIFACT_ID, HostilePoms.VERSION);
    List<ArtifactFile> artifacts = new ArrayList<>();
    for (Path f : hostile.files().subList(1, hostile.files().size())) {
      artifacts.add(ArtifactFile.fromFileName(declared, f.toString(), ContentSource.ofPath(f)));
    }
    Path pom = hostile.pom();
    return Deployment.of(pom.toString(), ContentSource.ofPath(pom), artifacts);
  }

  private static long allocated() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return threads.getCurrentThreadAllocatedBytes();
  }

  private static void assertSameContent(Map<String, byte[]> before, Map<String, byte[]> after) {
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
  }
}
