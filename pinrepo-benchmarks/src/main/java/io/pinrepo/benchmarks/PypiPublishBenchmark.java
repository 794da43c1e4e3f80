package io.pinrepo.benchmarks;

import io.pinrepo.format.ChangeReport;
import io.pinrepo.pypi.DistributionRef;
import io.pinrepo.pypi.PypiRepository;
import java.io.IOException;
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
 * One wheel published into an existing project of a PyPI repository of {@code projects} projects,
 * on filesystem storage. Each iteration is one publish into a fresh copy of the repository made
 * once per trial. The root page lists every project, so it must not be rewritten: the {@code
 * writes} and {@code bytesWritten} counters show whether it is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 25)
@Fork(1)
public class PypiPublishBenchmark {

  /** Projects in the repository. */
  @Param({"5000"})
  public int projects;

  private PristineCopies copies;
  private PypiRepository pypi;
  private Path wheel;
  private int published;

  /** Makes the repository's projects. */
  @Setup(Level.Trial)
  public void makeIndex() throws IOException {
    copies = new PristineCopies("pypi-bench");
    Fixtures.pypiIndex(copies.pristine(), projects, copies.root().resolve("scratch"));
  }

  /** Starts each iteration from the repository as made. */
  @Setup(Level.Iteration)
  public void copyRepository() throws IOException {
    CountingStorage storage = copies.freshCopy();
    pypi = PypiRepository.on(storage);
  }

  /** Writes the next wheel, a new version of a project in the middle of the index. */
  @Setup(Level.Iteration)
  public void nextWheel() throws IOException {
    if (wheel != null) {
      Files.deleteIfExists(wheel);
    }
    wheel =
        Fixtures.wheel(
            Fixtures.project(projects / 2), "2.0." + published++, copies.root().resolve("next"));
  }

  /** Publishes one wheel. */
  @Benchmark
  public ChangeReport<DistributionRef> publishOne() throws IOException {
    return pypi.publish(wheel);
  }

  /** Removes the trial's files. */
  @TearDown(Level.Trial)
  public void clean() throws IOException {
    copies.finish("pypi publishOne");
  }
}
