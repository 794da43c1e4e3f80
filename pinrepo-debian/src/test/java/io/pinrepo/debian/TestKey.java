package io.pinrepo.debian;

import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A throwaway OpenPGP key made by the real gpg in a private GNUPGHOME. */
final class TestKey implements AutoCloseable {
  private final Path home;
  private final Path secret;
  private final Path keyring;

  private TestKey(Path home, Path secret, Path keyring) {
    this.home = home;
    this.secret = secret;
    this.keyring = keyring;
  }

  /** Makes a key of {@code algorithm} ({@code ed25519}, {@code rsa3072}) under {@code dir}. */
  static TestKey generate(Path dir, String algorithm) throws IOException {
    Programs.require("gpg");
    Path home = Files.createDirectories(dir.resolve("gnupg-" + algorithm));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> env = Map.of("GNUPGHOME", home.toString());
    List<String> batch =
        List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "");
    Programs.run(
            dir,
            env,
            concat(
                batch,
                "--quick-gen-key",
                "Pinrepo Test <test@example.org>",
                algorithm,
                "sign",
                "never"))
        .orFail("gpg --quick-gen-key");
    Path secret = dir.resolve("secret-" + algorithm + ".asc");
    Files.writeString(
        secret,
        Programs.run(dir, env, concat(batch, "--armor", "--export-secret-keys"))
            .orFail("gpg --export-secret-keys")
            .out());
    Path keyring = dir.resolve("keyring-" + algorithm + ".gpg");
    Programs.run(
            dir,
            env,
            List.of("gpg", "--batch", "--yes", "--output", keyring.toString(), "--export"))
        .orFail("gpg --export");
    return new TestKey(home, secret, keyring);
  }

  Signer signer(Clock clock) throws IOException {
    try (InputStream in = Files.newInputStream(secret)) {
      return PgpSigner.load(in, secret.toString(), new char[0], clock);
    }
  }

  /** The binary public keyring, for apt's {@code signed-by} and gpgv. */
  Path keyring() {
    return keyring;
  }

  Path secretKeyFile() {
    return secret;
  }

  /** Stops the gpg-agent this key's home started. */
  @Override
  public void close() {
    if (Programs.installed("gpgconf")) {
      Programs.run(home, Map.of("GNUPGHOME", home.toString()), List.of("gpgconf", "--kill", "all"));
    }
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new java.util.ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
