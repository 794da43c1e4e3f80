package io.pinrepo.rpm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.rpm.repodata.MetadataCompression;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.testkit.clients.Gpg;
import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real dnf, in a private install root with {@code gpgcheck=1} and {@code repo_gpgcheck=1},
 * reads a repository pinrepo published (over {@code file:} and over {@code pinrepo serve}), checks
 * the signature of repomd.xml and of the packages (signed by rpmsign), sees the newest EVR by epoch
 * and {@code ~}, downloads and installs it; after a remove it sees the next newest; a
 * repomd.xml.asc that does not sign repomd.xml is refused.
 */
class DnfInstallsFromSignedRepositoryTest {
  static final String PATH = RpmRepositoryTest.PATH;

  /** How dnf reaches the repository. */
  enum Transport {
    FILE,
    HTTP
  }

  @TempDir Path dir;
  Gpg gpg;
  Path root;

  @BeforeEach
  void key() throws IOException {
    Programs.require("dnf", "rpmsign");
    gpg = Gpg.generate(dir, "rsa3072");
    root = dir.resolve("repo");
  }

  @AfterEach
  void stopAgent() {
    gpg.close();
  }

  /** pin-dnf 5.0-1, 1:2.0~rc1-1, 1:2.0-1 and pin-other 0.1-1, signed by rpmsign. */
  private List<Path> packages() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<Path> files = new ArrayList<>();
    files.add(pkg("pin-dnf", 0, "5.0").writeTo(in));
    files.add(pkg("pin-dnf", 1, "2.0~rc1").writeTo(in));
    files.add(pkg("pin-dnf", 1, "2.0").writeTo(in));
    files.add(pkg("pin-other", 0, "0.1").writeTo(in));
    RpmSign.sign(gpg, files);
    return files;
  }

  private static RpmBuilder pkg(String name, long epoch, String version) {
    RpmBuilder b =
        RpmBuilder.of(name, version, "1", "noarch")
            .file("/usr/share/" + name + "/VERSION", (name + " " + version + "\n").getBytes(UTF_8));
    return epoch > 0 ? b.epoch(epoch) : b;
  }

  private RpmRepository repo(FileSystemStorage storage, MetadataCompression compression)
      throws IOException {
    return RpmRepository.builder(storage)
        .signer(PgpSigner.load(gpg.secretKeyFile(), new char[0], Clock.systemUTC()))
        .compression(compression)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void dnfChecksEverySignaturePicksTheNewestAndInstallsIt(Transport transport) throws Exception {
    List<Path> files = packages();
    try (FileSystemStorage storage = FileSystemStorage.open(root);
        RepositoryServer server = RepositoryServer.start(storage)) {
      RpmRepository repo = repo(storage, MetadataCompression.GZIP);
      repo.publish(PATH, files.subList(0, 2));
      repo.publish(PATH, files.subList(2, 4));
      String baseurl =
          transport == Transport.FILE
              ? "file://" + root.resolve(PATH)
              : server.baseUri().resolve(PATH).toString();
      DnfRoot dnf = DnfRoot.create(dir.resolve("root"), baseurl, gpg.publicKeyFile());
      dnf.run("makecache");
      assertEquals("1:2.0-1", dnf.newest("pin-dnf"));
      assertEquals("0:0.1-1", dnf.newest("pin-other"));

      Path downloads = Files.createDirectories(dir.resolve("downloads"));
      dnf.run("download", "--destdir", downloads.toString(), "pin-dnf");
      Path downloaded = downloads.resolve("pin-dnf-2.0-1.noarch.rpm");
      assertArrayEquals(Files.readAllBytes(files.get(2)), Files.readAllBytes(downloaded));

      dnf.run("install", "--downloadonly", "pin-dnf");
      dnf.run("install", "pin-dnf");
      assertEquals(
          "pin-dnf 2.0\n", Files.readString(dnf.root().resolve("usr/share/pin-dnf/VERSION")));

      repo.remove(PATH, RpmSelector.named("pin-dnf").withVersion("1:2.0-1"));
      dnf.run("makecache", "--refresh");
      assertEquals("1:2.0~rc1-1", dnf.newest("pin-dnf"));
    }
  }

  @Test
  void dnfReadsZstdRepodata() throws Exception {
    List<Path> files = packages();
    try (FileSystemStorage storage = FileSystemStorage.open(root)) {
      repo(storage, MetadataCompression.ZSTD).publish(PATH, files);
      DnfRoot dnf =
          DnfRoot.create(dir.resolve("root"), "file://" + root.resolve(PATH), gpg.publicKeyFile());
      dnf.run("makecache");
      assertEquals("1:2.0-1", dnf.newest("pin-dnf"));
    }
  }

  @Test
  void dnfRefusesARepomdItsSignatureDoesNotSign() throws Exception {
    List<Path> files = packages();
    try (FileSystemStorage storage = FileSystemStorage.open(root)) {
      RpmRepository repo = repo(storage, MetadataCompression.GZIP);
      repo.publish(PATH, files.subList(0, 1));
      Path asc = root.resolve(PATH).resolve("repodata/repomd.xml.asc");
      byte[] oldSignature = Files.readAllBytes(asc);
      repo.publish(PATH, files.subList(1, 2));
      DnfRoot good =
          DnfRoot.create(dir.resolve("good"), "file://" + root.resolve(PATH), gpg.publicKeyFile());
      good.run("makecache");
      Files.write(asc, oldSignature);
      DnfRoot stale =
          DnfRoot.create(dir.resolve("stale"), "file://" + root.resolve(PATH), gpg.publicKeyFile());
      Programs.Result refused = stale.attempt("makecache");
      assertNotEquals(0, refused.exit(), refused.out() + refused.err());
      assertTrue(
          refused.err().contains("repomd.xml GPG signature verification error"),
          refused.out() + refused.err());
    }
  }
}
