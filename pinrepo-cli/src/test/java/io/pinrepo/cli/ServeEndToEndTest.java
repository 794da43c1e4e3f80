package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pinrepo serve} as a user runs it, from the packaged jar: pinrepo's own files under {@code
 * .pinrepo/} are never served, and a missing repository is refused before anything listens.
 */
class ServeEndToEndTest {

  private final Path jar =
      Path.of(System.getProperty("pinrepo.jar", "target/pinrepo.jar")).toAbsolutePath();

  @TempDir Path dir;

  @Test
  void pinreposOwnFilesAnswer404() throws Exception {
    Path repo = dir.resolve("repo");
    assertEquals(0, CliRun.of("demo", repo.toString(), "--no-serve").status());
    assertTrue(Files.isRegularFile(repo.resolve(".pinrepo/lock")));
    Process serve =
        new ProcessBuilder(
                "java", "-jar", jar.toString(), "serve", "--repo", repo.toString(), "--port", "0")
            .redirectError(dir.resolve("serve.log").toFile())
            .start();
    try {
      String line =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertTrue(line != null && line.startsWith("serving "), "serve printed: " + line);
      URI base = URI.create(line.substring(line.lastIndexOf(' ') + 1));
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of(".pinrepo/lock", ".pinrepo/tmp/", ".pinrepo/", ".pinrepo")) {
        HttpResponse<String> response = get(http, base.resolve(path));
        assertEquals(404, response.statusCode(), path);
      }
      assertEquals(200, get(http, base.resolve("dists/stable/InRelease")).statusCode());
    } finally {
      serve.destroy();
      serve.waitFor(1, TimeUnit.MINUTES);
    }
  }

  @Test
  void aMissingRepositoryIsRefusedBeforeServing() throws Exception {
    Path missing = dir.resolve("missing");
    Process serve =
        new ProcessBuilder(
                "java",
                "-jar",
                jar.toString(),
                "serve",
                "--repo",
                missing.toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    assertTrue(serve.waitFor(2, TimeUnit.MINUTES), "serve kept running on a missing repository");
    String printed = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, serve.exitValue(), printed);
    assertEquals("pinrepo: no repository at " + missing + " (no such directory)\n", printed);
    assertFalse(Files.exists(missing));
  }

  private static HttpResponse<String> get(HttpClient http, URI uri)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
