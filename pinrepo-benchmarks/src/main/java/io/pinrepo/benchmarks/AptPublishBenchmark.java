package io.pinrepo.benchmarks;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.PackageRef;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.sign.Signer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * One {@code .deb} published into a distribution that holds {@code n} packages, on filesystem
 * storage, signed (an RSA 3072 key made by gpg) or not. Each iteration is one publish (20 warm-up,
 * 25 measured): the distribution is made once per trial and copied afresh before each iteration, so
 * every publish finds exactly {@code n} packages. Only {@code dists/} is copied: a publish never
 * reads the pool. Needs {@code gpg} for the signed case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 25)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class AptPublishBenchmark {

  /** Packages already in the distribution. */
  @Param({"1000", "10000", "100000"})
  public int n;

  /** Whether the distribution is signed. */
  @Param({"false", "true"})
  public boolean signed;

  private PristineCopies copies;
  private Optional<Signer> signer;
  private AptRepository apt;
  private Path deb;
  private int published;

  /** Makes the key and the distribution of {@code n} packages. */
  @Setup(Level.Trial)
  public void makeDistribution() throws IOException {
    copies = new PristineCopies("apt-bench");
    signer =
        signed ? Optional.of(Keys.load(Keys.generate(copies.root(), "rsa3072"))) : Optional.empty();
    Fixtures.aptRepository(copies.pristine(), n, signer, false);
  }

  /** Starts each iteration from the distribution as made. */
  @Setup(Level.Iteration)
  public void copyDistribution() throws IOException {
    CountingStorage storage = copies.freshCopy();
    AptRepository.Builder builder = AptRepository.builder(storage);
    signer.ifPresent(builder::signer);
    apt = builder.build();
  }

  /** Writes the package to publish; its making is not timed. */
  @Setup(Level.Iteration)
  public void nextPackage() throws IOException {
    deb = copies.root().resolve("next.deb");
    Files.write(deb, Fixtures.deb("new", published++));
  }

  /** Publishes one package. */
  @Benchmark
  public ChangeReport<PackageRef> addOne() throws IOException {
    return apt.publish(Fixtures.DIST, Fixtures.COMPONENT, List.of(deb));
  }

  /** Removes the trial's files. */
  @TearDown(Level.Trial)
  public void clean() throws IOException {
    copies.finish("apt addOne");
  }
}
