package io.pinrepo.benchmarks;

import io.pinrepo.format.ChangeReport;
import io.pinrepo.maven.ArtifactRef;
import io.pinrepo.maven.Deployment;
import io.pinrepo.maven.MavenRepository;
import java.io.IOException;
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
 * One release (a POM and a jar) deployed into {@code com.example:lib}, which already has {@code
 * versions} releases, on filesystem storage, unsigned. Each iteration is one deploy into a fresh
 * copy of the repository made once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 25)
@Fork(1)
public class MavenDeployBenchmark {

  /** Releases already in the artifact's metadata. */
  @Param({"500"})
  public int versions;

  private PristineCopies copies;
  private MavenRepository deployer;
  private Deployment next;
  private int deployed;

  /** Makes the artifact's releases. */
  @Setup(Level.Trial)
  public void makeArtifact() throws IOException {
    copies = new PristineCopies("maven-bench");
    Fixtures.mavenArtifact(copies.pristine(), versions);
  }

  /** Starts each iteration from the repository as made. */
  @Setup(Level.Iteration)
  public void copyRepository() throws IOException {
    CountingStorage storage = copies.freshCopy();
    deployer = MavenRepository.builder(storage).build();
  }

  /** The next release to deploy. */
  @Setup(Level.Iteration)
  public void nextRelease() {
    next = Fixtures.mavenDeployment("2.0." + deployed++);
  }

  /** Deploys one release. */
  @Benchmark
  public ChangeReport<ArtifactRef> deployOne() throws IOException {
    return deployer.deploy(next);
  }

  /** Removes the trial's files. */
  @TearDown(Level.Trial)
  public void clean() throws IOException {
    copies.finish("maven deployOne");
  }
}
