package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Retention;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.rpm.repodata.Repomd;
import io.pinrepo.rpm.repodata.RepomdRecord;
import io.pinrepo.testkit.clients.Programs;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After several publishes (rpmbuild's packages with sources, RpmBuilder's), removes and a pruning
 * publish, each path's primary, filelists and other are byte for byte what createrepo_c writes for
 * the packages listed, and repomd.xml records the same content.
 */
class CreaterepoAfterPublishesTest {
  static final String PATH = RpmRepositoryTest.PATH;
  static final String SOURCES = "el9/SRPMS";

  @TempDir Path dir;

  @Test
  void splicedRepodataEqualsCreaterepoOnTheListedPackages() throws Exception {
    Programs.require("createrepo_c");
    List<Path> corpus = RpmbuildCorpus.files();
    ManualClock clock = Rpms.clock();
    Path root = dir.resolve("repo");
    Rpms rpms = new Rpms(dir.resolve("in"));
    try (FileSystemStorage storage = FileSystemStorage.open(root)) {
      RpmRepository repo = RpmRepository.builder(storage).clock(clock).build();
      repo.publish(PATH, corpus.subList(0, corpus.size() / 2));
      repo.publish(PATH, corpus.subList(corpus.size() / 2, corpus.size()));
      repo.publish(
          PATH,
          List.of(
              rpms.rpm("a", "1", "noarch"),
              rpms.rpm("a", "2", "noarch"),
              rpms.rpm("b", "1", "x86_64"),
              rpms.write(Rpms.builder("b", "1", "x86_64").sourcePackage())));
      repo.remove(PATH, RpmSelector.named("pin-empty"));
      repo.remove(PATH, RpmSelector.named("a").withVersion("1"));
      repo.remove(SOURCES, RpmSelector.named("pin-data"));
      RpmRepository.builder(storage)
          .clock(clock)
          .retention(Retention.keepNewest(1))
          .build()
          .publish(PATH, List.of(rpms.rpm("b", "2", "x86_64")));
      assertTrue(repo.list(PATH).size() >= 6, repo.list(PATH).toString());
      for (String path : List.of(PATH, SOURCES)) {
        compare(root, repo.list(path), path, clock.instant().getEpochSecond());
      }
    }
  }

  @Test
  void publishesIntoARepositoryCreaterepoMadeDroppingItsSqliteDatabases() throws Exception {
    Programs.require("createrepo_c");
    ManualClock clock = Rpms.clock();
    Path root = dir.resolve("repo");
    Path existing = Files.createDirectories(root.resolve(PATH).resolve("Packages/p"));
    List<RpmRef> before = new ArrayList<>();
    for (Path file : RpmbuildCorpus.files()) {
      if (!file.toString().endsWith(".src.rpm")) {
        Files.copy(file, existing.resolve(file.getFileName()));
        Files.setLastModifiedTime(
            existing.resolve(file.getFileName()),
            FileTime.fromMillis(clock.instant().toEpochMilli()));
      }
    }
    Programs.run(root, Map.of(), List.of("createrepo_c", "--quiet", root.resolve(PATH).toString()))
        .orFail();
    assertTrue(repomd(root.resolve(PATH)).record("primary_db").isPresent());
    try (FileSystemStorage storage = FileSystemStorage.open(root)) {
      RpmRepository repo = RpmRepository.builder(storage).clock(clock).build();
      before.addAll(repo.list(PATH));
      repo.publish(PATH, List.of(new Rpms(dir.resolve("in")).rpm("added", "1", "noarch")));
      assertEquals(before.size() + 1, repo.list(PATH).size());
      assertEquals(List.of(), Rpms.verify(storage));
      compare(root, repo.list(PATH), PATH, clock.instant().getEpochSecond());
    }
  }

  private void compare(Path root, List<RpmRef> listed, String path, long fileTime)
      throws IOException {
    Path theirs = Files.createDirectories(dir.resolve("createrepo-" + path.replace('/', '-')));
    for (RpmRef ref : listed) {
      String location = ref.file().value().substring(path.length() + 1);
      Path copy = theirs.resolve(location);
      Files.createDirectories(copy.getParent());
      Files.copy(root.resolve(ref.file().value()), copy);
      Files.setLastModifiedTime(copy, FileTime.fromMillis(fileTime * 1000));
    }
    Programs.run(
            theirs,
            Map.of("LC_ALL", "C.UTF-8"),
            List.of("createrepo_c", "--quiet", "--no-database", theirs.toString()))
        .orFail();
    Repomd mine = repomd(root.resolve(path));
    Repomd cr = repomd(theirs);
    for (String type : List.of("primary", "filelists", "other")) {
      RepomdRecord m = mine.record(type).orElseThrow();
      RepomdRecord c = cr.record(type).orElseThrow();
      assertEquals(
          text(theirs.resolve(c.location())),
          text(root.resolve(path).resolve(m.location())),
          path + " " + type);
      assertEquals(c.openChecksum(), m.openChecksum(), path + " " + type);
      assertEquals(c.openSize(), m.openSize(), path + " " + type);
    }
    assertEquals(
        List.of("primary", "filelists", "other"),
        mine.records().stream().map(RepomdRecord::type).toList());
  }

  private static Repomd repomd(Path repo) throws IOException {
    Path file = repo.resolve("repodata/repomd.xml");
    return Repomd.parse(file.toString(), Files.readAllBytes(file));
  }

  private static String text(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
