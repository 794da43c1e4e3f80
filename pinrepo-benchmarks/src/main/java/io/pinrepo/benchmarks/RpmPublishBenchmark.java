package io.pinrepo.benchmarks;

import io.pinrepo.format.ChangeReport;
import io.pinrepo.rpm.RpmRef;
import io.pinrepo.rpm.RpmRepository;
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
 * One {@code .rpm} published into a repository path that holds {@code n} packages, on filesystem
 * storage, signed ({@code repomd.xml.asc}, an RSA 3072 key made by gpg) or not. Each iteration is
 * one publish into a fresh copy of the path made once per trial, so every publish finds exactly
 * {@code n} packages. Only the metadata is copied: a publish never reads the other packages. The
 * time grows with {@code n} (primary, filelists and other are spliced and compressed whole); the
 * storage operations do not. Needs {@code gpg} for the signed case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 25)
@Fork(1)
public class RpmPublishBenchmark {

  /** Packages already in the repository path. */
  @Param({"10", "1000", "10000"})
  public int n;

  /** Whether the repository is signed. */
  @Param({"false", "true"})
  public boolean signed;

  private PristineCopies copies;
  private Optional<Signer> signer;
  private RpmRepository rpm;
  private Path file;
  private int published;

  /** Makes the key and the repository path of {@code n} packages. */
  @Setup(Level.Trial)
  public void makeRepository() throws IOException {
    copies = new PristineCopies("rpm-bench");
    signer =
        signed ? Optional.of(Keys.load(Keys.generate(copies.root(), "rsa3072"))) : Optional.empty();
    Fixtures.rpmRepository(copies.pristine(), n, signer, copies.root().resolve("scratch"), false);
  }

  /** Starts each iteration from the repository as made. */
  @Setup(Level.Iteration)
  public void copyRepository() throws IOException {
    CountingStorage storage = copies.freshCopy();
    RpmRepository.Builder builder = RpmRepository.builder(storage);
    signer.ifPresent(builder::signer);
    rpm = builder.build();
  }

  /** Writes the package to publish; its making is not timed. */
  @Setup(Level.Iteration)
  public void nextPackage() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
    file = Fixtures.rpm(String.format("new%06d", published++), copies.root().resolve("next"));
  }

  /** Publishes one package. */
  @Benchmark
  public ChangeReport<RpmRef> addOne() throws IOException {
    return rpm.publish(Fixtures.RPM_PATH, List.of(file));
  }

  /** Removes the trial's files. */
  @TearDown(Level.Trial)
  public void clean() throws IOException {
    copies.finish("rpm addOne");
  }
}
