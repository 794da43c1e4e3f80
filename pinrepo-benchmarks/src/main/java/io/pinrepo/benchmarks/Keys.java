package io.pinrepo.benchmarks;

import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import io.pinrepo.testkit.clients.Gpg;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Signing keys for the benchmarks, made by gpg as a user would make them. */
final class Keys {
  private Keys() {}

  /** Makes a key of {@code algorithm} (gpg's name: rsa3072, ed25519); returns its secret file. */
  static Path generate(Path dir, String algorithm) throws IOException {
    try (Gpg gpg = Gpg.generate(dir, algorithm)) {
      return gpg.secretKeyFile();
    }
  }

  /** Loads the unprotected secret key {@code file}. */
  static Signer load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return PgpSigner.load(in, file.toString(), new char[0], Clock.systemUTC());
    }
  }
}
