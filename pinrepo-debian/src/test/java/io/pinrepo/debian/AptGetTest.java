package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.deb.DebBuilder.Compression;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.hash.Digests;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.Gpg;
import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real apt-get, gpgv and dpkg-scanpackages against repositories this library writes. */
class AptGetTest {

  @TempDir static Path keys;
  @TempDir Path tmp;

  private static Gpg key;

  @BeforeAll
  static void makeKey() throws IOException {
    if (Programs.installed("gpg")) {
      key = Gpg.generate(keys, "ed25519");
    }
  }

  @AfterAll
  static void stopAgent() {
    if (key != null) {
      key.close();
    }
  }

  private List<DebBuilder> fixtures() {
    return List.of(
        DebBuilder.of("hello-pin", "1.0-1", "amd64"),
        DebBuilder.of("hello-pin", "1.0-2", "amd64")
            .controlCompression(Compression.XZ)
            .dataCompression(Compression.XZ)
            .field("Depends", "libc6 (>= 2.17)"),
        DebBuilder.of("pin-data", "0.5", "all").controlCompression(Compression.ZSTD),
        DebBuilder.of("epoch-pin", "1:2.0~rc1-1", "amd64"),
        DebBuilder.of("epoch-pin", "1:2.0-1", "amd64").controlCompression(Compression.NONE),
        DebBuilder.of("epoch-pin", "1.9-1", "amd64"));
  }

  /** Publishes the fixtures signed into {@code tmp/repo} and returns their files. */
  private List<Path> publishSigned(Path repoDir) throws IOException {
    Programs.require("gpg");
    List<Path> debs = new ArrayList<>();
    for (DebBuilder b : fixtures()) {
      debs.add(b.writeTo(tmp.resolve("debs")));
    }
    try (FileSystemStorage storage = FileSystemStorage.open(repoDir)) {
      AptRepository repo =
          AptRepository.builder(storage)
              .signer(
                  PgpSigner.load(
                      key.secretKeyFile(), key.passphrase().toCharArray(), Clock.systemUTC()))
              .origin("Pinrepo Tests")
              .label("Pinrepo")
              .build();
      repo.publish("stable", "main", debs.subList(0, 3));
      repo.publish("stable", "main", debs.subList(3, debs.size()));
    }
    return debs;
  }

  private void assertAptAgrees(String uri, List<Path> debs) throws IOException {
    AptRoot apt =
        AptRoot.create(
            tmp.resolve("apt"),
            AptRoot.sourceLine(uri, "stable", "main", key.keyring(), "amd64"),
            "amd64");
    Programs.Result update = apt.update();
    assertEquals(0, update.exit(), update.out() + update.err());
    assertEquals(List.of(), AptRoot.problems(update), update.out() + update.err());
    assertEquals("1.0-2", apt.candidate("hello-pin"));
    assertEquals("1:2.0-1", apt.candidate("epoch-pin"));
    assertEquals("0.5", apt.candidate("pin-data"));
    for (String name : List.of("hello-pin", "epoch-pin", "pin-data")) {
      byte[] bytes = Files.readAllBytes(apt.download(name));
      assertTrue(
          debs.stream().anyMatch(d -> sameBytes(d, bytes)),
          "apt-get download " + name + " fetched bytes of no published file");
    }
    Path epoch = apt.download("epoch-pin");
    assertTrue(sameBytes(tmp.resolve("debs/epoch-pin_2.0-1_amd64.deb"), Files.readAllBytes(epoch)));
  }

  private static boolean sameBytes(Path file, byte[] bytes) {
    try {
      return Digests.of(Files.readAllBytes(file)).equals(Digests.of(bytes));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aptGetUpdateIsCleanOverFileAndPicksTheHighestVersions() throws IOException {
    Path repo = tmp.resolve("repo");
    List<Path> debs = publishSigned(repo);
    assertAptAgrees("file:" + repo, debs);
  }

  @Test
  void aptGetUpdateIsCleanOverHttpAndFetchesIndexesByStrongestHash() throws IOException {
    Path repo = tmp.resolve("repo");
    List<Path> debs = publishSigned(repo);
    try (FileSystemStorage storage = FileSystemStorage.open(repo);
        RepositoryServer server = RepositoryServer.start(storage)) {
      assertAptAgrees(server.baseUri().toString(), debs);
      List<String> paths = server.requests().stream().map(RepositoryServer.Request::path).toList();
      assertTrue(
          paths.stream().anyMatch(p -> p.contains("/binary-amd64/by-hash/SHA512/")),
          paths::toString);
      assertFalse(
          paths.stream().anyMatch(p -> p.endsWith("/binary-amd64/Packages.xz")), paths::toString);
    }
  }

  @Test
  void anUnsignedRepositoryCommitsOnReleaseAndAptReadsItWhenTrusted() throws IOException {
    Path repo = tmp.resolve("repo");
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      AptRepository.builder(storage)
          .build()
          .publish(
              "stable",
              "main",
              List.of(
                  DebBuilder.of("hello-pin", "1.0-1", "amd64").writeTo(tmp.resolve("debs")),
                  DebBuilder.of("hello-pin", "1.0-2", "amd64").writeTo(tmp.resolve("debs"))));
    }
    assertFalse(Files.exists(repo.resolve("dists/stable/InRelease")));
    AptRoot apt =
        AptRoot.create(
            tmp.resolve("apt"),
            "deb [arch=amd64 trusted=yes] file:" + repo + " stable main",
            "amd64");
    Programs.Result update = apt.update();
    assertEquals(0, update.exit(), update.out() + update.err());
    assertEquals(List.of(), AptRoot.problems(update), update.out() + update.err());
    assertEquals("1.0-2", apt.candidate("hello-pin"));
  }

  @Test
  void signingLaterKeepsWhatWasPublishedUnsigned() throws IOException {
    Programs.require("gpg");
    Path repo = tmp.resolve("repo");
    List<Path> debs = new ArrayList<>();
    for (DebBuilder b : fixtures()) {
      debs.add(b.writeTo(tmp.resolve("debs")));
    }
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      AptRepository.builder(storage).build().publish("stable", "main", debs.subList(0, 3));
      AptRepository.builder(storage)
          .signer(
              PgpSigner.load(
                  key.secretKeyFile(), key.passphrase().toCharArray(), Clock.systemUTC()))
          .build()
          .publish("stable", "main", debs.subList(3, debs.size()));
    }
    assertAptAgrees("file:" + repo, debs);
  }

  @Test
  void anUnsignedPublishIntoASignedDistributionIsRefused() throws IOException {
    Path repo = tmp.resolve("repo");
    publishSigned(repo);
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      Path more = DebBuilder.of("more", "1", "amd64").writeTo(tmp.resolve("more"));
      IOException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IOException.class,
              () ->
                  AptRepository.builder(storage).build().publish("stable", "main", List.of(more)));
      assertTrue(e.getMessage().contains("publish with a signing key"), e.getMessage());
    }
  }

  @Test
  void gpgvAcceptsInReleaseAndReleaseGpg() throws IOException {
    Path repo = tmp.resolve("repo");
    publishSigned(repo);
    Path dists = repo.resolve("dists/stable");
    key.gpgv(tmp, dists.resolve("InRelease").toString()).orFail();
    key.gpgv(tmp, dists.resolve("Release.gpg").toString(), dists.resolve("Release").toString())
        .orFail();
  }

  @Test
  void rsaKeysSignToo() throws IOException {
    Programs.require("gpg", "gpgv");
    try (Gpg rsa = Gpg.generate(tmp, "rsa3072");
        FileSystemStorage storage = FileSystemStorage.open(tmp.resolve("repo"))) {
      AptRepository.builder(storage)
          .signer(
              PgpSigner.load(
                  rsa.secretKeyFile(), rsa.passphrase().toCharArray(), Clock.systemUTC()))
          .build()
          .publish(
              "stable",
              "main",
              List.of(DebBuilder.of("hello", "1.0", "amd64").writeTo(tmp.resolve("debs"))));
      rsa.gpgv(tmp, tmp.resolve("repo/dists/stable/InRelease").toString()).orFail();
    }
  }

  @Test
  void aptRejectsATamperedPackagesIndex() throws IOException {
    Path repo = tmp.resolve("repo");
    publishSigned(repo);
    Path dir = repo.resolve("dists/stable/main/binary-amd64");
    String original = Files.readString(dir.resolve("Packages"));
    byte[] tampered =
        original.replace("Version: 1.0-1\n", "Version: 9.9-1\n").getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> forms = new IndexCompression(6, 1).files(tampered);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] replacement = forms.get("Packages");
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
          if (Files.readAllBytes(f).length > 0 && sameKind(f, form.getKey())) {
            replacement = form.getValue();
          }
        }
        Files.write(f, replacement);
      }
    }
    AptRoot apt =
        AptRoot.create(
            tmp.resolve("apt"),
            AptRoot.sourceLine("file:" + repo, "stable", "main", key.keyring(), "amd64"),
            "amd64");
    Programs.Result update = apt.update();
    String output = update.out() + update.err();
    assertTrue(output.contains("Hash Sum mismatch") || output.contains("unexpected size"), output);
    assertFalse("9.9-1".equals(apt.candidate("hello-pin")), output);
  }

  private static boolean sameKind(Path file, String form) throws IOException {
    byte[] head = Files.readAllBytes(file);
    boolean gz = head.length > 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    boolean xz = head.length > 2 && (head[0] & 0xff) == 0xfd && head[1] == '7';
    return form.equals("Packages.gz") ? gz : form.equals("Packages.xz") ? xz : !gz && !xz;
  }

  @Test
  void stanzasCarryTheFieldsDpkgScanpackagesGives() throws Exception {
    Programs.require("dpkg-scanpackages");
    Path repo = tmp.resolve("repo");
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      List<Path> debs = new ArrayList<>();
      for (DebBuilder b : fixtures()) {
        debs.add(b.writeTo(tmp.resolve("debs")));
      }
      AptRepository.builder(storage).build().publish("stable", "main", debs);
    }
    Programs.Result scan =
        Programs.run(repo, "dpkg-scanpackages", "--multiversion", "pool", "/dev/null").orFail();
    List<io.pinrepo.debian.control.ControlParagraph> theirs =
        io.pinrepo.debian.control.ControlParagraph.parseAll(scan.out(), "dpkg-scanpackages");
    List<io.pinrepo.debian.control.ControlParagraph> ours =
        io.pinrepo.debian.control.ControlParagraph.parseAll(
            Files.readString(repo.resolve("dists/stable/main/binary-amd64/Packages")), "Packages");
    assertEquals(fixtures().size(), theirs.size());
    assertEquals(theirs.size(), ours.size());
    for (var their : theirs) {
      String filename = their.require("Filename");
      var our =
          ours.stream()
              .filter(p -> p.require("Filename").equals(filename))
              .findFirst()
              .orElseThrow(() -> new AssertionError("not in our index: " + filename));
      for (var field : their.fields()) {
        assertEquals(
            field.value(),
            our.value(field.name()).orElse("<missing>"),
            filename + " field " + field.name());
      }
      List<String> extra =
          our.fields().stream().map(f -> f.name()).filter(n -> their.field(n).isEmpty()).toList();
      assertEquals(List.of("SHA512"), extra, filename);
    }
  }
}
