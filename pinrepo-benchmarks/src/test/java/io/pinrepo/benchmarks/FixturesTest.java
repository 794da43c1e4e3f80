package io.pinrepo.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.PackageRef;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.rpm.RpmRef;
import io.pinrepo.rpm.RpmRepository;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTest {
  @TempDir Path dir;

  @Test
  void aptFixtureIsADistributionOfNPackagesThatTakesOneMore() throws IOException {
    Fixtures.aptRepository(dir.resolve("pristine"), 20, Optional.empty(), false);
    Trees.copy(dir.resolve("pristine"), dir.resolve("repo"));
    assertTrue(Files.notExists(dir.resolve("repo/pool")), "the pool is left out");
    try (Storage storage = FileSystemStorage.open(dir.resolve("repo"))) {
      AptRepository apt = AptRepository.builder(storage).build();
      assertEquals(20, apt.list(Fixtures.DIST).size());
      Path deb = Files.write(dir.resolve("next.deb"), Fixtures.deb("new", 0));
      ChangeReport<PackageRef> report =
          apt.publish(Fixtures.DIST, Fixtures.COMPONENT, List.of(deb));
      assertEquals(1, report.added().size());
      assertEquals(21, apt.list(Fixtures.DIST).size());
    }
  }

  @Test
  void mavenFixtureListsEveryVersionInItsMetadata() throws IOException {
    Fixtures.mavenArtifact(dir, 5);
    String metadata = Files.readString(dir.resolve("com/example/lib/maven-metadata.xml"));
    for (int i = 0; i < 5; i++) {
      assertTrue(metadata.contains("<version>1.0." + i + "</version>"), metadata);
    }
  }

  @Test
  void pypiFixtureHasOneProjectPerIndex() throws IOException {
    Fixtures.pypiIndex(dir.resolve("repo"), 5, dir.resolve("scratch"));
    try (Storage storage = FileSystemStorage.open(dir.resolve("repo"))) {
      assertEquals(5, PypiRepository.on(storage).projects().size());
      assertTrue(storage.stat(ObjectKey.of("simple/index.html")).isPresent());
    }
  }

  @Test
  void rpmFixtureIsARepositoryPathOfNPackagesThatTakesOneMore() throws IOException {
    Fixtures.rpmRepository(
        dir.resolve("pristine"), 20, Optional.empty(), dir.resolve("scratch"), false);
    Trees.copy(dir.resolve("pristine"), dir.resolve("repo"));
    assertTrue(
        Files.notExists(dir.resolve("repo").resolve(Fixtures.RPM_PATH).resolve("Packages")),
        "the packages are left out");
    try (Storage storage = FileSystemStorage.open(dir.resolve("repo"))) {
      RpmRepository rpm = RpmRepository.builder(storage).build();
      assertEquals(20, rpm.list(Fixtures.RPM_PATH).size());
      ChangeReport<RpmRef> report =
          rpm.publish(Fixtures.RPM_PATH, List.of(Fixtures.rpm("new", dir.resolve("next"))));
      assertEquals(1, report.added().size());
      assertEquals(21, rpm.list(Fixtures.RPM_PATH).size());
    }
  }

  @Test
  void countingStorageCountsEveryWriteOfAPublish() throws IOException {
    try (CountingStorage storage = new CountingStorage(FileSystemStorage.open(dir))) {
      Path deb = Files.write(dir.resolve("one.deb"), Fixtures.deb("one", 0));
      AptRepository.builder(storage).build().publish("stable", "main", List.of(deb));
      assertTrue(storage.writes() > 3, "pool file, indexes and Release: " + storage.writes());
      assertTrue(storage.bytesWritten() > Files.size(deb));
    }
  }
}
