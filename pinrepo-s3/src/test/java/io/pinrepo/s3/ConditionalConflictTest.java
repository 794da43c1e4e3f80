package io.pinrepo.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Amazon S3 answers 409 ConditionalRequestConflict when another conditional write to the same key
 * is in progress. No server that runs here produces it (s3proxy never does, LocalStack serialises
 * writes), so this stub, a JDK HttpServer on loopback, plays S3 for exactly that answer: the first
 * {@code conflicts} PUTs get the 409 that S3 documents, later ones succeed. It checks the
 * translation to {@link PreconditionFailedException} and that the commit protocol retries.
 */
class ConditionalConflictTest {

  private static final String CONFLICT =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>ConditionalRequestConflict</Code>"
          + "<Message>A conflicting conditional operation is currently in progress against this"
          + " resource. Please try again.</Message><RequestId>1</RequestId></Error>";

  private HttpServer server;
  private final AtomicInteger conflicts = new AtomicInteger();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private S3Storage storage;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    storage =
        S3Storage.builder(new S3Location("bucket", "p"))
            .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .pathStyle(true)
            .credentials("id", "secret")
            .maxAttempts(1)
            .checksumMode(ChecksumMode.WHEN_REQUIRED)
            .build();
  }

  @AfterEach
  void stop() {
    storage.close();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      requests.add(
          exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getRawPath()
              + " If-None-Match="
              + exchange.getRequestHeaders().getFirst("If-None-Match"));
      if (conflicts.getAndDecrement() > 0) {
        byte[] body = CONFLICT.getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(409, body.length);
        exchange.getResponseBody().write(body);
      } else {
        exchange.getResponseHeaders().add("ETag", "\"0123456789abcdef\"");
        exchange.sendResponseHeaders(200, -1);
      }
    }
  }

  @Test
  void aConflictIsALostRace() {
    conflicts.set(1);
    PreconditionFailedException e =
        assertThrows(
            PreconditionFailedException.class,
            () ->
                storage.write(
                    ObjectKey.of("dists/stable/InRelease"),
                    ContentSource.ofUtf8("x"),
                    WriteCondition.mustBeAbsent()));
    assertEquals(ObjectKey.of("dists/stable/InRelease"), e.key());
    assertTrue(e.getMessage().contains("ConditionalRequestConflict"), e.getMessage());
    assertEquals(List.of("PUT /bucket/p/dists/stable/InRelease If-None-Match=*"), requests);
  }

  @Test
  void theCommitProtocolRetriesAfterAConflict() throws IOException {
    conflicts.set(2);
    OptimisticCommit commit = new OptimisticCommit(RetryPolicy.DEFAULT, nanos -> {});
    ObjectInfo info =
        commit.run(
            "top",
            () ->
                storage.write(
                    ObjectKey.of("simple/index.html"),
                    ContentSource.ofUtf8("<html/>"),
                    WriteCondition.mustBeAbsent()));
    assertEquals("0123456789abcdef", info.versionToken());
    assertEquals(2, commit.conflicts());
    assertEquals(3, requests.size());
  }
}
