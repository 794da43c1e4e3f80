package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.control.ControlField;
import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** udebs as apt-get reads them and as reprepro lays them out. */
class UdebClientsTest {

  @TempDir Path tmp;

  private List<Path> packages() throws IOException {
    Path dir = tmp.resolve("in");
    return List.of(
        DebBuilder.of("di-pin", "1.0", "amd64")
            .udeb()
            .field("Depends", "libc6-udeb (>= 2.36)")
            .writeTo(dir),
        DebBuilder.of("di-all", "2", "all").udeb().writeTo(dir),
        DebBuilder.of("hello-pin", "1.0-1", "amd64").writeTo(dir));
  }

  private Path publish(List<Path> files) throws IOException {
    Path repo = tmp.resolve("repo");
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      AptRepository.builder(storage).build().publish("stable", "main", files);
    }
    return repo;
  }

  @Test
  void aptGetReadsUdebsFromADebianInstallerSourceLine() throws IOException {
    List<Path> files = packages();
    Path repo = publish(files);
    AptRoot apt =
        AptRoot.create(
            tmp.resolve("apt"),
            "deb [arch=amd64 trusted=yes] file:" + repo + " stable main/debian-installer",
            "amd64");
    Programs.Result update = apt.update();
    assertEquals(0, update.exit(), update.out() + update.err());
    assertEquals(List.of(), AptRoot.problems(update), update.out() + update.err());
    assertEquals("1.0", apt.candidate("di-pin"));
    assertEquals("2", apt.candidate("di-all"));
    assertEquals("", apt.candidate("hello-pin"), "an ordinary package is not in the udeb index");
    Path fetched = apt.download("di-pin");
    assertEquals("di-pin_1.0_amd64.udeb", fetched.getFileName().toString());
    assertArrayEquals(Files.readAllBytes(files.get(0)), Files.readAllBytes(fetched));

    AptRoot plain =
        AptRoot.create(
            tmp.resolve("apt-main"),
            "deb [arch=amd64 trusted=yes] file:" + repo + " stable main",
            "amd64");
    Programs.Result plainUpdate = plain.update();
    assertEquals(List.of(), AptRoot.problems(plainUpdate), plainUpdate.out() + plainUpdate.err());
    assertEquals("1.0-1", plain.candidate("hello-pin"));
    assertEquals("", plain.candidate("di-pin"), "a udeb is not in the ordinary index");
  }

  @Test
  void indexesMatchWhatRepreproIncludeudebWritesFieldByField() throws IOException {
    Programs.require("reprepro");
    List<Path> files = packages();
    Path ours = publish(files);
    Path theirs = tmp.resolve("reprepro");
    Files.createDirectories(theirs.resolve("conf"));
    Files.writeString(
        theirs.resolve("conf/distributions"),
        "Codename: stable\nSuite: stable\nComponents: main\nUDebComponents: main\n"
            + "Architectures: amd64\n");
    for (Path file : files) {
      String command = file.toString().endsWith(".udeb") ? "includeudeb" : "includedeb";
      Programs.run(
              tmp,
              java.util.Map.of(),
              List.of("reprepro", "-b", theirs.toString(), command, "stable", file.toString()))
          .orFail();
    }
    for (String index :
        List.of("main/debian-installer/binary-amd64/Packages", "main/binary-amd64/Packages")) {
      List<ControlParagraph> expected = stanzas(theirs, index);
      List<ControlParagraph> actual = stanzas(ours, index);
      assertEquals(expected.size(), actual.size(), index);
      for (ControlParagraph their : expected) {
        String filename = their.require("Filename");
        ControlParagraph our =
            actual.stream()
                .filter(p -> p.require("Filename").equals(filename))
                .findFirst()
                .orElseThrow(() -> new AssertionError(index + " lacks " + filename));
        for (ControlField field : their.fields()) {
          assertEquals(
              field.value(),
              our.value(field.name()).orElse("<missing>"),
              index + " " + filename + " " + field.name());
        }
        List<String> extra = new ArrayList<>();
        our.fields().stream()
            .map(ControlField::name)
            .filter(n -> their.field(n).isEmpty())
            .forEach(extra::add);
        assertEquals(List.of("SHA512"), extra, filename);
      }
      String release = Files.readString(ours.resolve("dists/stable/Release"));
      assertTrue(release.contains(" " + index + "\n"), release);
      assertTrue(
          Files.readString(theirs.resolve("dists/stable/Release")).contains(" " + index + "\n"));
    }
  }

  private static List<ControlParagraph> stanzas(Path repo, String index) throws IOException {
    return ControlParagraph.parseAll(
        Files.readString(repo.resolve("dists/stable").resolve(index)), index);
  }
}
