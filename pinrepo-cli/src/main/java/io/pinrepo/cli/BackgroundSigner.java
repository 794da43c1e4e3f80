package io.pinrepo.cli;

import io.pinrepo.parallel.Parallel;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A key file's signer, loaded on a thread of its own from the moment it is made: in a fresh JVM
 * loading a key is ~90 ms of code not yet compiled, which a publish spends reading its files
 * meanwhile. {@link #ready}, which the publish calls before it writes anything, waits for the key
 * and throws what loading it threw.
 */
final class BackgroundSigner implements Signer {
  private final CompletableFuture<PgpSigner> loaded = new CompletableFuture<>();

  BackgroundSigner(Path keyFile, char[] passphrase, Clock clock) {
    Parallel.daemonThreads("pinrepo-key")
        .newThread(
            () -> {
              try (InputStream in = Files.newInputStream(keyFile)) {
                loaded.complete(PgpSigner.load(in, keyFile.toString(), passphrase, clock));
              } catch (IOException | RuntimeException | Error e) {
                loaded.completeExceptionally(e);
              }
            })
        .start();
  }

  @Override
  public void ready() throws IOException {
    signer();
  }

  @Override
  public byte[] detachedSignature(InputStream data) throws IOException {
    return signer().detachedSignature(data);
  }

  @Override
  public String clearSign(String text) throws IOException {
    return signer().clearSign(text);
  }

  @Override
  public String fingerprint() {
    try {
      return signer().fingerprint();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PgpSigner signer() throws IOException {
    try {
      return loaded.join();
    } catch (CompletionException e) {
      throw Parallel.failure(e, "loading the signing key");
    }
  }
}
