package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pinrepo demo --no-serve}: the secret key lives beside the repository, never in the folder
 * a static host would serve, and a second run re-uses it.
 */
class DemoCommandTest {

  @TempDir Path dir;

  static final String SECRET_MARK = "PRIVATE KEY BLOCK";

  /** Every file under {@code root} that holds an armored secret key. */
  static List<Path> filesHoldingASecretKey(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                try {
                  return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)
                      .contains(SECRET_MARK);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  @Test
  void keepsTheSecretKeyOutsideTheServedFolderAndReusesIt() throws IOException {
    Path repo = dir.resolve("demo-repo");
    CliRun first = CliRun.of("demo", repo.toString(), "--no-serve");
    assertEquals(0, first.status(), first.err());
    Path secret = dir.resolve("demo-repo.key").resolve("secret.asc");
    assertTrue(Files.readString(secret).contains(SECRET_MARK));
    assertTrue(first.out().contains(dir.resolve("demo-repo.key").toString()), first.out());
    assertEquals(List.of(), filesHoldingASecretKey(repo));
    byte[] publicKey = Files.readAllBytes(repo.resolve(DemoCommand.NAME + ".asc"));
    byte[] secretBytes = Files.readAllBytes(secret);

    CliRun second = CliRun.of("demo", repo.toString(), "--no-serve");
    assertEquals(0, second.status(), second.err());
    assertArrayEquals(secretBytes, Files.readAllBytes(secret));
    assertArrayEquals(publicKey, Files.readAllBytes(repo.resolve(DemoCommand.NAME + ".asc")));
    Path key = repo.resolve(DemoCommand.NAME + ".asc");
    CliRun verify = CliRun.of("verify", "--repo", repo.toString(), "--public-key", key.toString());
    assertEquals(0, verify.status(), verify.out() + verify.err());
  }

  @Test
  void aRepositoryWhoseFolderWasDeletedGetsThePublicKeyBack() throws IOException {
    Path repo = dir.resolve("demo-repo");
    assertEquals(0, CliRun.of("demo", repo.toString(), "--no-serve").status());
    byte[] publicKey = Files.readAllBytes(repo.resolve(DemoCommand.NAME + ".gpg"));
    DemoEndToEndTest.deleteTree(repo);
    assertEquals(0, CliRun.of("demo", repo.toString(), "--no-serve").status());
    assertArrayEquals(publicKey, Files.readAllBytes(repo.resolve(DemoCommand.NAME + ".gpg")));
  }

  @Test
  void aKeyAnOlderVersionKeptInsideIsMovedOut() throws IOException {
    Path repo = dir.resolve("demo-repo");
    assertEquals(0, CliRun.of("demo", repo.toString(), "--no-serve").status());
    Path keyDir = dir.resolve("demo-repo.key");
    Path legacy = Files.createDirectories(repo.resolve(".pinrepo/demo-key"));
    Files.move(keyDir.resolve("secret.asc"), legacy.resolve("secret.asc"));
    DemoEndToEndTest.deleteTree(keyDir);
    byte[] publicKey = Files.readAllBytes(repo.resolve(DemoCommand.NAME + ".asc"));

    assertEquals(0, CliRun.of("demo", repo.toString(), "--no-serve").status());
    assertFalse(Files.exists(legacy));
    assertEquals(List.of(), filesHoldingASecretKey(repo));
    assertTrue(Files.isRegularFile(keyDir.resolve("secret.asc")));
    assertArrayEquals(publicKey, Files.readAllBytes(repo.resolve(DemoCommand.NAME + ".asc")));
  }
}
