package io.pinrepo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.maven.ArtifactFile;
import io.pinrepo.maven.Deployment;
import io.pinrepo.maven.MavenDeployer;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.Storage;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long one publish takes into a repository that already holds N packages, per format, on the
 * filesystem backend. Not part of the normal build (tag {@code benchmark}); run with {@code mvn -B
 * -pl pinrepo-cli -am test -Dgroups=benchmark -Dpinrepo.excludedGroups=none -Dtest=PublishBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. It prints medians; it asserts only that each publish
 * landed, never a time.
 */
@Tag("benchmark")
class PublishBenchmark {

  static final int[] SIZES = {0, 1_000, 5_000};
  static final int RUNS = 7;

  @TempDir Path dir;

  @Test
  void aptPublishIntoADistOfNPackages() throws IOException {
    for (int n : SIZES) {
      Path repo = dir.resolve("apt-" + n);
      try (Storage storage = FileSystemStorage.open(repo)) {
        AptRepository apt = AptRepository.builder(storage).build();
        List<Path> existing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          existing.add(DebBuilder.of("pkg" + i, "1.0", "amd64").writeTo(dir.resolve("debs-" + n)));
        }
        if (n > 0) {
          apt.publish("stable", "main", existing);
        }
        long[] nanos = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
          Path deb = DebBuilder.of("new" + r, "1.0", "amd64").writeTo(dir.resolve("new-" + n));
          long start = System.nanoTime();
          apt.publish("stable", "main", List.of(deb));
          nanos[r] = System.nanoTime() - start;
        }
        assertEquals(n + RUNS, apt.list("stable").size());
        report("apt", n, nanos);
      }
    }
  }

  @Test
  void pypiPublishIntoARepositoryOfNProjects() throws IOException {
    for (int n : SIZES) {
      try (Storage storage = FileSystemStorage.open(dir.resolve("pypi-" + n))) {
        PypiRepository pypi = PypiRepository.on(storage);
        for (int i = 0; i < n; i++) {
          pypi.publish(
              WheelBuilder.of("proj" + (i % 100), "1." + i).writeTo(dir.resolve("w-" + n)));
        }
        long[] nanos = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
          Path wheel = WheelBuilder.of("proj0", "2." + r).writeTo(dir.resolve("nw-" + n));
          long start = System.nanoTime();
          pypi.publish(wheel);
          nanos[r] = System.nanoTime() - start;
        }
        report("pypi", n, nanos);
      }
    }
  }

  @Test
  void mavenDeployIntoAnArtifactWithNVersions() throws IOException {
    for (int n : SIZES) {
      try (Storage storage = FileSystemStorage.open(dir.resolve("m2-" + n))) {
        MavenDeployer deployer = MavenDeployer.builder(storage).build();
        for (int i = 0; i < Math.min(n, 1_000); i++) {
          deployer.deploy(deployment("1." + i));
        }
        long[] nanos = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
          Deployment d = deployment("2." + r);
          long start = System.nanoTime();
          deployer.deploy(d);
          nanos[r] = System.nanoTime() - start;
        }
        report("maven", Math.min(n, 1_000), nanos);
      }
    }
  }

  Deployment deployment(String version) throws IOException {
    String pom =
        "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
            + "<artifactId>lib</artifactId><version>"
            + version
            + "</version></project>";
    Path jar = Files.write(dir.resolve("lib-" + version + ".jar"), new byte[] {1, 2, 3});
    return Deployment.of(
        "lib-" + version + ".pom",
        ContentSource.ofUtf8(pom),
        List.of(new ArtifactFile("", "jar", ContentSource.ofPath(jar), jar.toString())));
  }

  static void report(String format, int n, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "benchmark %-5s N=%5d  median %6.1f ms  min %6.1f ms  max %6.1f ms%n",
        format,
        n,
        sorted[sorted.length / 2] / 1e6,
        sorted[0] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
