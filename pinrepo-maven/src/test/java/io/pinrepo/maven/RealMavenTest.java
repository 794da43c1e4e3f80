package io.pinrepo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.SnapshotVersion;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.testkit.clients.Gpg;
import io.pinrepo.testkit.clients.MavenConsumer;
import io.pinrepo.testkit.clients.Programs;
import io.pinrepo.verify.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real mvn and gpg against a repository pinrepo wrote: a consumer with strict checksums
 * resolves from it alone, the signatures verify, and the metadata agrees with what maven-resolver's
 * own deploy writes for the same deploys.
 */
class RealMavenTest {
  private static final String GROUP = "com.example.pinrepoit" + Long.toHexString(System.nanoTime());
  private static final String[][] DEPLOYS = {
    {"demo", "1.0", "r10"},
    {"demo", "1.1", "r11"},
    {"demo", "2.0", "r20"},
    {"lib", "1.0", "lib10"},
    {"snap", "2.0-SNAPSHOT", "A"},
    {"snap", "2.0-SNAPSHOT", "B"},
  };

  /**
   * maven-deploy-plugin, whose deploy-file is the reference; the root POM's {@code
   * maven-deploy-plugin.version}, which the build resolves before the tests run.
   */
  static final String DEPLOY_PLUGIN_VERSION = "3.1.3";

  /** A repository URL with nothing behind it, standing in for Maven Central. */
  private static final String NOWHERE = "file:///nonexistent/pinrepo-tests-fetch-nothing";

  @TempDir static Path tmp;
  static Path ours;
  static Path stock;
  static Gpg key;
  static Signer signer;

  @BeforeAll
  static void deployWithPinrepoAndWithMaven() throws Exception {
    Programs.require("mvn");
    clearLocalCache();
    ours = tmp.resolve("ours");
    stock = tmp.resolve("stock");
    List<Path> inputs = writeInputs(tmp.resolve("in"));
    if (Programs.installed("gpg")) {
      key = Gpg.generate(tmp, "rsa2048");
      signer =
          PgpSigner.load(key.secretKeyFile(), key.passphrase().toCharArray(), Clock.systemUTC());
    }
    try (FileSystemStorage storage = FileSystemStorage.open(ours)) {
      MavenRepository.Builder b = MavenRepository.builder(storage).clock(Clock.systemUTC());
      if (signer != null) {
        b.signer(signer);
      }
      MavenRepository deployer = b.build();
      for (Path dir : inputs) {
        deployer.deploy(deploymentOf(dir));
      }
    }
    stockDeploy(inputs);
  }

  @AfterAll
  static void clearLocalCache() throws IOException {
    MavenConsumer.forgetCached(GROUP);
  }

  @AfterAll
  static void stopAgent() {
    if (key != null) {
      key.close();
    }
  }

  @Test
  void strictConsumerResolvesReleaseRangeAndNewestSnapshotFromPinrepoAlone() throws Exception {
    Map<String, Path> resolved =
        MavenConsumer.resolveFrom(
            tmp.resolve("consumer"),
            ours.toUri().toString(),
            GROUP + ":demo:[1.0,1.5)",
            GROUP + ":lib:1.0",
            GROUP + ":snap:2.0-SNAPSHOT");

    Map<String, String> builds = new TreeMap<>();
    for (Map.Entry<String, Path> jar : resolved.entrySet()) {
      builds.put(jar.getKey(), buildOf(jar.getValue()));
    }
    assertEquals(
        Map.of("demo-1.1.jar", "r11", "lib-1.0.jar", "lib10", "snap-2.0-SNAPSHOT.jar", "B"),
        builds);
  }

  @Test
  void gpgVerifiesEverySignature() throws Exception {
    assumeTrue(key != null, "gpg is not installed: skipping signature checks");
    List<Path> signatures = filesUnder(ours, p -> p.toString().endsWith(".asc"));
    List<Path> signed =
        filesUnder(ours, p -> p.toString().endsWith(".jar") || p.toString().endsWith(".pom"));
    assertEquals(signed.size(), signatures.size());
    for (Path asc : signatures) {
      Path data = Path.of(asc.toString().replaceFirst("\\.asc$", ""));
      Programs.run(
              tmp,
              key.environment(),
              List.of("gpg", "--batch", "--verify", asc.toString(), data.toString()))
          .orFail();
    }
  }

  @Test
  void redeployingASignedReleaseKeepsItsFilesAndSignatures() throws Exception {
    assumeTrue(signer != null, "gpg is not installed: skipping signature checks");
    Map<String, byte[]> before = contents(ours);
    try (FileSystemStorage storage = FileSystemStorage.open(ours)) {
      ChangeReport<ArtifactRef> again =
          MavenRepository.builder(storage)
              .signer(signer)
              .build()
              .deploy(deploymentOf(tmp.resolve("in").resolve("0-demo-1.0")));
      assertFalse(again.changed());
    }
    Map<String, byte[]> after = contents(ours);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, after.get(k)), k));
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> all = new TreeMap<>();
    for (Path p : filesUnder(root, x -> true)) {
      all.put(root.relativize(p).toString(), Files.readAllBytes(p));
    }
    return all;
  }

  @Test
  void verifyFindsNothingWrongInWhatPinrepoOrMavenResolverWrote() throws Exception {
    Verification verification = new Verification(List.of(new MavenFormat()));
    try (FileSystemStorage storage = FileSystemStorage.open(stock)) {
      Verification.Report report = verification.run(storage, VerifyContext.unsigned());
      assertEquals(List.of("maven"), report.formatsFound());
      assertEquals(List.of(), report.problems());
    }
    VerifyContext context =
        signer == null ? VerifyContext.unsigned() : new VerifyContext(Optional.of(publicKey()));
    try (FileSystemStorage storage = FileSystemStorage.open(ours)) {
      Verification.Report report = verification.run(storage, context);
      assertEquals(List.of("maven"), report.formatsFound());
      assertEquals(List.of(), report.problems());
    }
  }

  @Test
  void metadataAgreesFieldByFieldWithMavenResolver() throws Exception {
    for (String artifact : List.of("demo", "lib", "snap")) {
      String key = GROUP.replace('.', '/') + "/" + artifact + "/maven-metadata.xml";
      MavenMetadata mine = read(ours.resolve(key));
      MavenMetadata theirs = read(stock.resolve(key));
      assertEquals(theirs.groupId(), mine.groupId(), key);
      assertEquals(theirs.artifactId(), mine.artifactId(), key);
      assertEquals(
          new HashSet<>(theirs.versioning().versions()),
          new HashSet<>(mine.versioning().versions()),
          key);
      // deployed in ascending order, so resolver's "last release deployed" is the highest
      assertEquals(theirs.versioning().release(), mine.versioning().release(), key);
    }
    String key = GROUP.replace('.', '/') + "/snap/2.0-SNAPSHOT/maven-metadata.xml";
    MavenMetadata mine = read(ours.resolve(key));
    MavenMetadata theirs = read(stock.resolve(key));
    assertEquals(theirs.groupId(), mine.groupId());
    assertEquals(theirs.artifactId(), mine.artifactId());
    assertEquals(theirs.version(), mine.version());
    assertEquals(theirs.buildNumber(), mine.buildNumber());
    assertEquals(masked(theirs), masked(mine));
  }

  @Test
  void writesEveryFileMavenResolverWritesWithTheSameChecksums() throws Exception {
    Set<String> theirs = maskedPaths(stock);
    Set<String> mine = maskedPaths(ours);
    Set<String> missing = new TreeSet<>(theirs);
    missing.removeAll(mine);
    assertTrue(missing.isEmpty(), "missing beside resolver's layout: " + missing);
    String sha1 = GROUP.replace('.', '/') + "/demo/1.0/demo-1.0.jar.sha1";
    assertEquals(Files.readString(stock.resolve(sha1)), Files.readString(ours.resolve(sha1)));
    assertFalse(Files.readString(ours.resolve(sha1)).contains(" "));
  }

  private static Map<String, String> masked(MavenMetadata m) {
    return m.versioning().snapshotVersions().stream()
        .collect(
            Collectors.toMap(
                SnapshotVersion::key, s -> s.value().replaceAll("\\d{8}\\.\\d{6}", "T")));
  }

  private static Set<String> maskedPaths(Path root) throws IOException {
    Set<String> paths = new TreeSet<>();
    for (Path p : filesUnder(root, x -> true)) {
      paths.add(root.relativize(p).toString().replaceAll("\\d{8}\\.\\d{6}", "T"));
    }
    return paths;
  }

  private static List<Path> filesUnder(Path root, java.util.function.Predicate<Path> keep)
      throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).toString().startsWith("."))
          .filter(keep)
          .toList();
    }
  }

  private static MavenMetadata read(Path file) throws IOException {
    return MavenMetadata.parse(file.toString(), Files.readAllBytes(file));
  }

  private static String buildOf(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("build.txt"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().replace("build ", "");
    }
  }

  /** One folder per deploy: the POM, the jar and the sources jar, as a build hands them over. */
  private static List<Path> writeInputs(Path root) throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < DEPLOYS.length; i++) {
      String a = DEPLOYS[i][0];
      String v = DEPLOYS[i][1];
      String label = DEPLOYS[i][2];
      Path dir = Files.createDirectories(root.resolve(i + "-" + a + "-" + v));
      Files.writeString(dir.resolve(a + "-" + v + ".pom"), Fixtures.pom(GROUP, a, v, "jar"));
      Files.write(dir.resolve(a + "-" + v + ".jar"), Fixtures.jar(label));
      Files.write(dir.resolve(a + "-" + v + "-sources.jar"), Fixtures.jar(label + "-src"));
      dirs.add(dir);
    }
    return dirs;
  }

  private static Deployment deploymentOf(Path dir) throws IOException {
    Path pom;
    List<ArtifactFile> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> all = list.sorted().toList();
      pom = all.stream().filter(p -> p.toString().endsWith(".pom")).findFirst().orElseThrow();
      String stem = pom.getFileName().toString().replaceFirst("\\.pom$", "");
      int dash = stem.indexOf('-');
      Coordinates c = new Coordinates(GROUP, stem.substring(0, dash), stem.substring(dash + 1));
      for (Path p : all) {
        if (!p.equals(pom)) {
          files.add(
              ArtifactFile.fromFileName(c, p.getFileName().toString(), ContentSource.ofPath(p)));
        }
      }
    }
    return Deployment.of(pom.toString(), ContentSource.ofPath(pom), files);
  }

  /** Deploys the same folders with maven-deploy-plugin's deploy-file, all in one mvn run. */
  private static void stockDeploy(List<Path> inputs) throws IOException {
    StringBuilder executions = new StringBuilder();
    for (int i = 0; i < inputs.size(); i++) {
      Path dir = inputs.get(i);
      String stem = dir.getFileName().toString().replaceFirst("^\\d+-", "");
      executions.append(
          """
          <execution><id>d%d</id><phase>validate</phase><goals><goal>deploy-file</goal></goals>
            <configuration><file>%s</file><pomFile>%s</pomFile><sources>%s</sources>
              <url>%s</url><repositoryId>stock</repositoryId></configuration></execution>
          """
              .formatted(
                  i,
                  dir.resolve(stem + ".jar"),
                  dir.resolve(stem + ".pom"),
                  dir.resolve(stem + "-sources.jar"),
                  stock.toUri()));
    }
    String pom =
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
        <groupId>check</groupId><artifactId>stock-deploy</artifactId><version>1</version>
        <packaging>pom</packaging>
        <pluginRepositories><pluginRepository><id>central</id><url>%s</url></pluginRepository>
        </pluginRepositories>
        <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-deploy-plugin</artifactId><version>%s</version>
          <executions>%s</executions></plugin></plugins></build></project>
        """
            .formatted(NOWHERE, DEPLOY_PLUGIN_VERSION, executions);
    Path project = Files.createDirectories(tmp.resolve("stock-project"));
    Files.writeString(project.resolve("pom.xml"), pom);
    // Not offline: deploy-file refuses to run offline. It deploys to a file: URL, and its plugin
    // repository 'central' points nowhere, so nothing leaves the machine: the plugin must be in the
    // build's local repository already (the build resolves it before the tests run).
    Programs.run(project, Map.of(), MavenConsumer.command("validate")).orFail();
  }

  /** The throwaway key's public half, exported by gpg. */
  private static SignatureChecker publicKey() throws IOException {
    Path exported = key.publicKeyFile();
    try (InputStream in = Files.newInputStream(exported)) {
      return SignatureChecker.load(in, exported.toString());
    }
  }
}
