package io.pinrepo.benchmarks;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.Promotion;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
 * One promotion of a distribution of {@code n} packages into a new distribution, on filesystem
 * storage, signed (an RSA 3072 key made by gpg) or not. Each iteration is one promotion: the source
 * is made once per trial and {@code dists/} copied afresh before each iteration (a promotion never
 * reads the pool). Prints the storage operations of every kind and the bytes written per promotion
 * at the end of the trial. Needs {@code gpg} for the signed case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class AptPromoteBenchmark {

  /** Packages in the source distribution. */
  @Param({"1000", "10000"})
  public int n;

  /** Whether the distributions are signed. */
  @Param({"false", "true"})
  public boolean signed;

  private Path root;
  private Optional<Signer> signer;
  private AllOps storage;
  private AptRepository apt;
  private long promotions;
  private long operations;
  private long writes;
  private long bytes;

  /** Makes the key and the source distribution of {@code n} packages. */
  @Setup(Level.Trial)
  public void makeDistribution() throws IOException {
    root = Files.createTempDirectory("apt-promote-bench");
    signer = signed ? Optional.of(Keys.load(Keys.generate(root, "rsa3072"))) : Optional.empty();
    Fixtures.aptRepository(root.resolve("pristine"), n, signer, false);
  }

  /** Starts each iteration from the source as made, with no target. */
  @Setup(Level.Iteration)
  public void copyDistribution() throws IOException {
    tally();
    Path repo = root.resolve("repo");
    Trees.delete(repo);
    Trees.copy(root.resolve("pristine"), repo);
    storage = new AllOps(FileSystemStorage.open(repo));
    AptRepository.Builder builder = AptRepository.builder(storage);
    signer.ifPresent(builder::signer);
    apt = builder.build();
  }

  /** Promotes the distribution. */
  @Benchmark
  public Promotion promote() throws IOException {
    return apt.promotion().promote(Fixtures.DIST, "passed", "benchmark");
  }

  /** Prints the means and removes the trial's files. */
  @TearDown(Level.Trial)
  public void clean() throws IOException {
    tally();
    System.out.printf(
        "%napt promote: storage ops per op: %.1f, writes per op: %.1f, bytes per op: %,.0f%n",
        (double) operations / promotions,
        (double) writes / promotions,
        (double) bytes / promotions);
    Trees.delete(root);
  }

  private void tally() throws IOException {
    if (storage != null) {
      promotions++;
      operations += storage.operations;
      writes += storage.writes;
      bytes += storage.bytes;
      storage.close();
      storage = null;
    }
  }

  /** Counts every storage operation, and the bytes written. */
  private static final class AllOps extends ForwardingStorage {
    long operations;
    long writes;
    long bytes;

    AllOps(Storage delegate) {
      super(delegate);
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
      operations++;
      return super.stat(key);
    }

    @Override
    public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
      operations++;
      return super.read(key, range);
    }

    @Override
    public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
        throws IOException {
      operations++;
      ObjectInfo info = super.write(key, content, condition);
      writes++;
      bytes += info.size();
      return info;
    }

    @Override
    public ObjectListing list(String prefix) throws IOException {
      operations++;
      return super.list(prefix);
    }
  }
}
