package io.pinrepo.rpm.repodata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.rpm.header.RpmReader;
import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real dnf, in a private install root, reads repodata written here (no signature yet: that is
 * the publisher's part), picks the newest EVR and installs a package RpmBuilder made.
 */
class DnfReadsRepodataTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(MetadataCompression.class)
  void dnfPicksTheNewestAndInstallsIt(MetadataCompression compression) throws IOException {
    Programs.require("dnf");
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    List<RpmBuilder> builders =
        List.of(
            pkg("pin-dnf", "1.0", -1),
            pkg("pin-dnf", "2.0~rc1", 1),
            pkg("pin-dnf", "1.9", 1),
            pkg("pin-other", "0.1", -1));
    List<PackageEntry> entries = new ArrayList<>();
    for (RpmBuilder b : builders) {
      String location = "Packages/p/" + b.fileName();
      Path file = repo.resolve(location);
      Files.createDirectories(file.getParent());
      Files.write(file, b.build());
      entries.add(PackageEntry.of(new RpmReader().read(file), location, 1_767_225_600L));
    }
    writeRepodata(repo, entries, compression);

    Dnf dnf = new Dnf(tmp.resolve("root"), repo);
    dnf.run("makecache");
    assertEquals(
        "1:2.0~rc1-1",
        dnf.run(
                "repoquery",
                "--latest-limit",
                "1",
                "--qf",
                "%{epoch}:%{version}-%{release}",
                "pin-dnf")
            .strip());
    dnf.run("install", "pin-dnf");
    assertEquals(
        "pin-dnf 2.0~rc1\n", Files.readString(tmp.resolve("root/usr/share/pin-dnf/VERSION")));
  }

  private static RpmBuilder pkg(String name, String version, long epoch) {
    RpmBuilder b =
        RpmBuilder.of(name, version, "1", "noarch")
            .file("/usr/share/" + name + "/VERSION", (name + " " + version + "\n").getBytes(UTF_8));
    return epoch >= 0 ? b.epoch(epoch) : b;
  }

  private static void writeRepodata(
      Path repo, List<PackageEntry> entries, MetadataCompression compression) throws IOException {
    Path repodata = Files.createDirectories(repo.resolve("repodata"));
    Path[] temp = {repodata.resolve("p.tmp"), repodata.resolve("f.tmp"), repodata.resolve("o.tmp")};
    String[] types = {"primary", "filelists", "other"};
    MetadataOutput[] outs = new MetadataOutput[3];
    OutputStream[] files = new OutputStream[3];
    for (int i = 0; i < 3; i++) {
      files[i] = Files.newOutputStream(temp[i]);
      outs[i] = MetadataOutput.to(files[i], types[i], compression);
    }
    RepodataWriter.writeAll(entries, outs[0], outs[1], outs[2]);
    List<RepomdRecord> records = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RepomdRecord record = outs[i].finish(1_767_225_600L);
      files[i].close();
      Files.move(temp[i], repo.resolve(record.location()));
      records.add(record);
    }
    Files.write(repodata.resolve("repomd.xml"), new Repomd("1767225600", records).render());
  }

  /** dnf confined to an install root, with one repository and no system configuration. */
  private record Dnf(Path root, Path repo) {
    Dnf {
      try {
        Path repos = Files.createDirectories(root.resolve("etc/yum.repos.d"));
        Files.writeString(
            repos.resolve("pin.repo"),
            "[pin]\nname=pin\nbaseurl=file://" + repo + "\nenabled=1\ngpgcheck=0\n");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    String run(String... args) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "dnf",
                  "-q",
                  "-y",
                  "--installroot",
                  root.toString(),
                  "--setopt=reposdir=" + root.resolve("etc/yum.repos.d"),
                  "--setopt=cachedir=" + root.resolve("cache"),
                  "--releasever",
                  "9",
                  "--forcearch",
                  "x86_64",
                  "--disableplugin=*"));
      command.addAll(List.of(args));
      Programs.Result r = Programs.run(root, Map.of("LC_ALL", "C.UTF-8"), command).orFail();
      assertTrue(!r.err().contains("Error"), r.err());
      return r.out();
    }
  }
}
