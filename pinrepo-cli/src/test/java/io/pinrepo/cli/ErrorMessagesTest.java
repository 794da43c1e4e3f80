package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.testkit.clients.Gpg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user sees when something is wrong: one line on stderr naming the file and the problem,
 * exit status 1, no stack trace, and the repository untouched.
 */
class ErrorMessagesTest {

  @TempDir Path dir;

  String repo() {
    return dir.resolve("repo").toString();
  }

  void assertOneLineFailure(CliRun run, String... expectedParts) {
    run.assertOneLineFailure(expectedParts);
  }

  void assertRepositoryEmpty() throws IOException {
    Path repo = dir.resolve("repo");
    if (Files.exists(repo)) {
      try (var files = Files.walk(repo)) {
        assertEquals(
            List.of(),
            files
                .filter(Files::isRegularFile)
                .map(p -> repo.relativize(p).toString())
                .filter(p -> !p.startsWith(".pinrepo"))
                .toList());
      }
    }
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Path missing = dir.resolve("hello_1.0_amd64.deb");
    assertOneLineFailure(
        CliRun.of("deb", "publish", "--repo", repo(), "--dist", "stable", missing.toString()),
        missing.toString(),
        "no such file");
    assertRepositoryEmpty();
  }

  @Test
  void aFileThatIsNotADebIsNamed() throws IOException {
    Path fake = Files.writeString(dir.resolve("fake_1.0_amd64.deb"), "not an ar archive");
    assertOneLineFailure(
        CliRun.of("deb", "publish", "--repo", repo(), "--dist", "stable", fake.toString()),
        fake.toString(),
        "not a readable Debian package");
    assertRepositoryEmpty();
  }

  @Test
  void aFileThatIsNotAWheelIsNamed() throws IOException {
    Path fake = Files.writeString(dir.resolve("fake-1.0-py3-none-any.whl"), "not a zip");
    assertOneLineFailure(
        CliRun.of("pypi", "publish", "--repo", repo(), fake.toString()), fake.toString(), "not");
    Path notPython = Files.writeString(dir.resolve("notes.txt"), "hello");
    assertOneLineFailure(
        CliRun.of("pypi", "publish", "--repo", repo(), notPython.toString()),
        notPython.toString(),
        "not a wheel");
    assertRepositoryEmpty();
  }

  @Test
  void aFileThatIsNotAPomIsNamed() throws IOException {
    Path fake = Files.writeString(dir.resolve("lib-1.0.pom"), "<project>");
    assertOneLineFailure(
        CliRun.of("maven", "deploy", "--repo", repo(), fake.toString()), fake.toString(), "XML");
    assertRepositoryEmpty();
  }

  @Test
  void anUnknownDistributionIsNamed() {
    assertEquals(0, CliRun.of("demo", repo(), "--no-serve").status());
    assertOneLineFailure(
        CliRun.of("deb", "list", "--repo", repo(), "--dist", "nosuch"), "no distribution 'nosuch'");
    assertOneLineFailure(
        CliRun.of("deb", "remove", "--repo", repo(), "--dist", "nosuch", "--package", "x"),
        "no distribution 'nosuch'");
  }

  @Test
  void aWrongPassphraseIsNamed() throws IOException {
    Path key;
    try (Gpg gpg = Gpg.generate(dir, "ed25519", "hunter2")) {
      key = gpg.secretKeyFile();
    }
    Path deb = Files.write(dir.resolve("x_1.0_all.deb"), new byte[] {1});
    assertOneLineFailure(
        CliRun.of(
            "deb",
            "publish",
            "--repo",
            repo(),
            "--dist",
            "stable",
            "--sign-key",
            key.toString(),
            deb.toString()),
        key.toString(),
        "protected by a passphrase and none was given");
    // HOME is set in every environment, and is certainly not the passphrase.
    assertOneLineFailure(
        CliRun.of(
            "deb",
            "publish",
            "--repo",
            repo(),
            "--dist",
            "stable",
            "--sign-key",
            key.toString(),
            "--passphrase-env",
            "HOME",
            deb.toString()),
        key.toString(),
        "wrong passphrase");
    assertRepositoryEmpty();
  }

  @Test
  void aSigningKeyThatIsNoKeyIsNamed() throws IOException {
    Path notAKey = Files.writeString(dir.resolve("key.asc"), "hello");
    Path deb = Files.write(dir.resolve("x_1.0_all.deb"), new byte[] {1});
    assertOneLineFailure(
        CliRun.of(
            "deb",
            "publish",
            "--repo",
            repo(),
            "--dist",
            "stable",
            "--sign-key",
            notAKey.toString(),
            deb.toString()),
        notAKey.toString(),
        "not an OpenPGP secret key");
    assertRepositoryEmpty();
  }
}
