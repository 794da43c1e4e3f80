package io.pinrepo.benchmarks;

import io.pinrepo.sign.Signer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a signing key and signing a Release-sized text with it, warm. What a fresh CLI process
 * pays for the same is a cold start of these paths: see {@code docs/performance.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBenchmark {

  /** The key's algorithm, as gpg names it. */
  @Param({"rsa3072", "ed25519"})
  public String algorithm;

  private Path dir;
  private Path key;
  private Signer signer;
  private String release;

  /** Makes the key and a Release text of a dist with one component and architecture. */
  @Setup(Level.Trial)
  public void makeKey() throws IOException {
    dir = Files.createTempDirectory("sign-bench");
    key = Keys.generate(dir, algorithm);
    signer = Keys.load(key);
    StringBuilder text = new StringBuilder("Origin: Example\nSuite: stable\nCodename: stable\n");
    text.append("Date: Sat, 01 Jan 2026 00:00:00 UTC\nArchitectures: amd64\nComponents: main\n");
    for (String digest : new String[] {"MD5Sum", "SHA1", "SHA256", "SHA512"}) {
      text.append(digest).append(":\n");
      for (String file : new String[] {"Packages", "Packages.gz"}) {
        text.append(' ')
            .append("0123456789abcdef".repeat(digest.equals("SHA512") ? 8 : 4))
            .append(" 6612345 main/binary-amd64/")
            .append(file)
            .append('\n');
      }
    }
    release = text.toString();
  }

  /** Reads and decrypts the secret key file. */
  @Benchmark
  public Signer loadKey() throws IOException {
    return Keys.load(key);
  }

  /** Clear-signs the Release text, as {@code InRelease} is made. */
  @Benchmark
  public String clearSign() throws IOException {
    return signer.clearSign(release);
  }

  /** A detached signature of the Release text, as {@code Release.gpg} is made. */
  @Benchmark
  public byte[] detachedSignature() throws IOException {
    return signer.detachedSignature(
        new ByteArrayInputStream(release.getBytes(StandardCharsets.UTF_8)));
  }

  /** Removes the key. */
  @TearDown(Level.Trial)
  public void clean() throws IOException {
    Trees.delete(dir);
  }
}
