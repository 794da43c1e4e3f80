package io.pinrepo.cli;

import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --sign-key FILE [--passphrase-env VAR]}: the OpenPGP key that signs what is written. */
public final class SigningOptions {

  @Option(
      names = "--sign-key",
      paramLabel = "FILE",
      description = "Armored OpenPGP secret key to sign with.")
  Path signKey;

  @Option(
      names = "--passphrase-env",
      paramLabel = "VAR",
      description = "Environment variable holding the key's passphrase.")
  String passphraseEnv;

  /** Whether the key is loaded on a thread of its own ({@link #inBackground}). */
  private boolean background;

  /**
   * These options with the key loaded on a thread of its own while the command goes on: for a
   * publish, which calls {@link Signer#ready} before writing anything, so that a key that cannot
   * sign still changes nothing.
   */
  SigningOptions inBackground() {
    SigningOptions options = new SigningOptions();
    options.signKey = signKey;
    options.passphraseEnv = passphraseEnv;
    options.background = true;
    return options;
  }

  /** The signer the options name, or empty when no key was given. */
  public Optional<Signer> signer(Clock clock) throws IOException {
    if (signKey == null) {
      if (passphraseEnv != null) {
        throw new IllegalArgumentException("--passphrase-env needs --sign-key");
      }
      return Optional.empty();
    }
    char[] passphrase = new char[0];
    if (passphraseEnv != null) {
      String value = System.getenv(passphraseEnv);
      if (value == null) {
        throw new IllegalArgumentException(
            "--passphrase-env " + passphraseEnv + ": the variable is not set");
      }
      passphrase = value.toCharArray();
    }
    InputFiles.requireReadable(List.of(signKey));
    if (background) {
      return Optional.of(new BackgroundSigner(signKey, passphrase, clock));
    }
    try (InputStream in = Files.newInputStream(signKey)) {
      return Optional.of(PgpSigner.load(in, signKey.toString(), passphrase, clock));
    }
  }
}
