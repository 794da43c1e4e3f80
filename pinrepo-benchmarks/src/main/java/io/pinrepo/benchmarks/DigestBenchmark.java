package io.pinrepo.benchmarks;

import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.hash.MultiDigest;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Digesting {@code size} bytes held in memory, in 64 KiB chunks as the streams feed them: {@link
 * MultiDigest} (MD5, SHA-1, SHA-256 and SHA-512 in one pass, what every package and index gets)
 * against each digest alone. Bytes per second = size / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DigestBenchmark {
  private static final int CHUNK = 64 * 1024;

  /** Bytes digested per operation. */
  @Param({"16777216"})
  public int size;

  private byte[] data;

  /** Random bytes: digests do not care, compression would. */
  @Setup
  public void makeData() {
    data = new byte[size];
    new Random(14).nextBytes(data);
  }

  /** All four digests and the size, as packages and indexes are digested. */
  @Benchmark
  public Digests multiDigest() {
    MultiDigest digest = new MultiDigest();
    for (int off = 0; off < data.length; off += CHUNK) {
      digest.update(data, off, Math.min(CHUNK, data.length - off));
    }
    return digest.finish();
  }

  /** SHA-256 alone: what {@code sha256sum} computes. */
  @Benchmark
  public byte[] sha256() {
    return alone(HashAlgorithm.SHA256);
  }

  /** SHA-512 alone. */
  @Benchmark
  public byte[] sha512() {
    return alone(HashAlgorithm.SHA512);
  }

  /** SHA-1 alone. */
  @Benchmark
  public byte[] sha1() {
    return alone(HashAlgorithm.SHA1);
  }

  /** MD5 alone. */
  @Benchmark
  public byte[] md5() {
    return alone(HashAlgorithm.MD5);
  }

  private byte[] alone(HashAlgorithm algorithm) {
    MessageDigest digest = algorithm.newDigest();
    for (int off = 0; off < data.length; off += CHUNK) {
      digest.update(data, off, Math.min(CHUNK, data.length - off));
    }
    return digest.digest();
  }
}
