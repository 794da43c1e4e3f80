package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.python.SdistBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.testkit.clients.Pip;
import io.pinrepo.testkit.clients.Programs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 10: the real pip installs from a repository published into an S3 bucket by reading
 * the bucket's REST endpoint directly ({@code http://<s3>/<bucket>/<prefix>/simple/}), with no
 * website hosting and no rewrite: pip asks for {@code simple/<project>/}, and the publisher wrote
 * the project page under that key too.
 */
class PipReadsTheBucketTest {

  @TempDir Path dir;

  @Test
  void pipInstallsStraightFromTheBucketsRestEndpoint() throws Exception {
    Pip.require();
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
        S3Storage storage = s3.storage("py/repo").build()) {
      s3.allowAnonymousReads();
      Path in = dir.resolve("in");
      PypiRepository.on(storage)
          .publish(
              List.of(
                  WheelBuilder.of("Demo.Pin", "1.0").writeTo(in),
                  WheelBuilder.of("Demo.Pin", "1.1").requiresPython(">=3.8").writeTo(in),
                  SdistBuilder.of("demo-pin", "1.1").writeTo(in),
                  WheelBuilder.of("other", "0.1").writeTo(in)));
      URI index = s3.endpoint().resolve("/" + S3ProxyFixture.BUCKET + "/py/repo/simple/");

      HttpResponse<byte[]> page = get(index.resolve("demo-pin/"));
      assertEquals(200, page.statusCode());
      String type = page.headers().firstValue("Content-Type").orElse("");
      assertTrue(type.startsWith("text/html"), type);
      assertArrayEquals(
          read(storage, SimpleLayout.projectHtml(ProjectName.of("demo-pin"))), page.body());
      HttpResponse<byte[]> root = get(index);
      assertEquals(200, root.statusCode());
      assertArrayEquals(read(storage, SimpleLayout.ROOT), root.body());

      Path target = dir.resolve("target");
      Programs.Result pip =
          Pip.install(dir, index, List.of("--target", target.toString()), List.of("demo_pin"));
      assertEquals(0, pip.exit(), pip.out() + pip.err());
      assertEquals("VERSION = '1.1'\n", Files.readString(target.resolve("demo_pin/__init__.py")));

      List<Problem> problems = new ArrayList<>();
      new PypiFormat().verify(storage, VerifyContext.unsigned(), problems::add);
      assertEquals(List.of(), problems);
      List<ObjectKey> derived = new ArrayList<>();
      new PypiFormat()
          .markLive(
              storage,
              live -> {
                if (live.role() == LiveObject.Role.DERIVED) {
                  derived.add(live.key());
                }
              });
      assertTrue(derived.contains(SimpleLayout.ROOT_DIRECTORY), derived.toString());
      assertTrue(
          derived.contains(SimpleLayout.projectDirectory(ProjectName.of("demo-pin"))),
          derived.toString());
    }
  }

  private static HttpResponse<byte[]> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] read(S3Storage storage, ObjectKey key) throws Exception {
    try (ObjectStream in = storage.read(key)) {
      return in.readAllBytes();
    }
  }
}
