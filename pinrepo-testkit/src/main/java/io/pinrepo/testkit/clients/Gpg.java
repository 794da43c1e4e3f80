package io.pinrepo.testkit.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway OpenPGP key made by the real {@code gpg} in a private {@code GNUPGHOME}, never the
 * user's own keyring. Generation exports the armored secret key, the armored public key and a
 * binary public keyring beside the home. Skips the test when gpg is missing. Closing stops the
 * gpg-agent the home started.
 */
public final class Gpg implements AutoCloseable {
  private static final String UID = "Pinrepo Test <test@example.org>";

  private final Path home;
  private final String passphrase;
  private final Path secretKey;
  private final Path publicKey;
  private final Path keyring;

  private Gpg(Path home, String passphrase, Path secretKey, Path publicKey, Path keyring) {
    this.home = home;
    this.passphrase = passphrase;
    this.secretKey = secretKey;
    this.publicKey = publicKey;
    this.keyring = keyring;
  }

  /**
   * Makes a signing key of {@code algorithm} (gpg's words: {@code ed25519}, {@code rsa3072}) with
   * no passphrase, in a home under {@code dir}.
   */
  public static Gpg generate(Path dir, String algorithm) throws IOException {
    return generate(dir, algorithm, "");
  }

  /**
   * Makes a signing key of {@code algorithm} protected by {@code passphrase} (none when empty), in
   * a home {@code gnupg-ALGORITHM} under {@code dir}; the exports are {@code secret-ALGORITHM.asc},
   * {@code public-ALGORITHM.asc} and {@code keyring-ALGORITHM.gpg} in {@code dir}.
   */
  public static Gpg generate(Path dir, String algorithm, String passphrase) throws IOException {
    Programs.require("gpg");
    Path home = Files.createDirectories(dir.resolve("gnupg-" + algorithm));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> env = Map.of("GNUPGHOME", home.toString());
    Programs.run(dir, env, gpg(passphrase, "--quick-gen-key", UID, algorithm, "sign", "never"))
        .orFail();
    Path secret = dir.resolve("secret-" + algorithm + ".asc");
    Files.writeString(
        secret,
        Programs.run(dir, env, gpg(passphrase, "--armor", "--export-secret-keys")).orFail().out());
    Path armoredPublic = dir.resolve("public-" + algorithm + ".asc");
    Files.writeString(
        armoredPublic, Programs.run(dir, env, gpg("", "--armor", "--export")).orFail().out());
    Path keyring = dir.resolve("keyring-" + algorithm + ".gpg");
    Programs.run(dir, env, gpg("", "--yes", "--output", keyring.toString(), "--export")).orFail();
    return new Gpg(home, passphrase, secret, armoredPublic, keyring);
  }

  /** The private {@code GNUPGHOME}, for running gpg itself against this key. */
  public Path home() {
    return home;
  }

  /** The environment that points gpg at {@link #home()}. */
  public Map<String, String> environment() {
    return Map.of("GNUPGHOME", home.toString());
  }

  /** The armored secret key file, as {@code --sign-key} and {@code PgpSigner.load} read it. */
  public Path secretKeyFile() {
    return secretKey;
  }

  /** The armored public key file. */
  public Path publicKeyFile() {
    return publicKey;
  }

  /** The binary public keyring, for apt's {@code signed-by} and {@code gpgv --keyring}. */
  public Path keyring() {
    return keyring;
  }

  /** The passphrase of the secret key; empty text for none. */
  public String passphrase() {
    return passphrase;
  }

  /**
   * Runs {@code gpgv --keyring KEYRING} with {@code args} (a clear-signed file, or a detached
   * signature and its data) in {@code dir}; skips the test when gpgv is missing.
   */
  public Programs.Result gpgv(Path dir, String... args) {
    Programs.require("gpgv");
    List<String> command = new ArrayList<>(List.of("gpgv", "--keyring", keyring.toString()));
    command.addAll(List.of(args));
    return Programs.run(dir, Map.of(), command);
  }

  /** Stops the gpg-agent this key's home started. */
  @Override
  public void close() {
    if (Programs.installed("gpgconf")) {
      Programs.run(home, environment(), List.of("gpgconf", "--kill", "all"));
    }
  }

  private static List<String> gpg(String passphrase, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase));
    command.addAll(List.of(args));
    return command;
  }
}
