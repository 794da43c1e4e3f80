package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.BuildFormat;
import io.pinrepo.build.BuildRef;
import io.pinrepo.build.BuildRepository;
import io.pinrepo.build.PointerWatcher;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.debian.AptFormat;
import io.pinrepo.debian.AptPromotion;
import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.PackageRef;
import io.pinrepo.debian.Promotion;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.format.Retention;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.maven.ArtifactFile;
import io.pinrepo.maven.ArtifactRef;
import io.pinrepo.maven.Deployment;
import io.pinrepo.maven.MavenRepository;
import io.pinrepo.mirror.Located;
import io.pinrepo.mirror.RegionalMirror;
import io.pinrepo.pypi.DistributionRef;
import io.pinrepo.pypi.PypiFormat;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.replication.ReplicationReport;
import io.pinrepo.replication.Replicator;
import io.pinrepo.rpm.RpmFormat;
import io.pinrepo.rpm.RpmRef;
import io.pinrepo.rpm.RpmRepository;
import io.pinrepo.s3.ChecksumMode;
import io.pinrepo.s3.S3Location;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.verify.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples, compiled and run here so they cannot rot: each region between {@code
 * // README:name} and {@code // README:end} must appear, dedented, in a {@code java} block of
 * README.md.
 */
class ReadmeExamplesTest {

  static final Path README = Path.of(System.getProperty("user.dir")).resolveSibling("README.md");
  static final Path SELF =
      Path.of("src/test/java/io/pinrepo/cli/ReadmeExamplesTest.java").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void everyExampleIsInTheReadmeVerbatim() throws IOException {
    String readme = Files.readString(README);
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    List<String> examples = examples();
    assertTrue(examples.size() >= 4, "examples found: " + examples.size());
    for (String example : examples) {
      assertTrue(
          blocks.stream().anyMatch(b -> b.contains(example)),
          "README.md lacks this example (update it from ReadmeExamplesTest):\n" + example);
    }
  }

  static List<String> examples() throws IOException {
    List<String> examples = new ArrayList<>();
    List<String> lines = Files.readAllLines(SELF);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().matches("// README:[a-z-]+") && !lines.get(i).contains(":end")) {
        int indent = lines.get(i).indexOf('/');
        StringBuilder sb = new StringBuilder();
        for (i++; !lines.get(i).strip().equals("// README:end"); i++) {
          String line = lines.get(i);
          sb.append(line.length() > indent ? line.substring(indent) : line.strip()).append('\n');
        }
        examples.add(sb.toString());
      }
    }
    return examples;
  }

  Path secretKey() throws IOException {
    PgpKeyGenerator.GeneratedKey key =
        PgpKeyGenerator.generate("Example <ex@example.invalid>", Clock.systemUTC());
    return Files.writeString(dir.resolve("secret.asc"), key.armoredSecretKey());
  }

  @Test
  void publishDebs() throws IOException {
    Path repo = dir.resolve("repo");
    Path secretKey = secretKey();
    Path deb = DebBuilder.of("hello", "1.0-1", "amd64").writeTo(dir);
    // README:apt
    try (Storage storage = FileSystemStorage.open(repo);
        InputStream key = Files.newInputStream(secretKey)) {
      Signer signer = PgpSigner.load(key, secretKey.toString(), new char[0], Clock.systemUTC());
      AptRepository apt = AptRepository.builder(storage).signer(signer).origin("Example").build();
      ChangeReport<PackageRef> report = apt.publish("stable", "main", List.of(deb));
      System.out.println("added " + report.added());
    }
    // README:end
    try (Storage storage = FileSystemStorage.open(repo)) {
      Verification.Report report =
          new Verification(List.of(new AptFormat())).run(storage, VerifyContext.unsigned());
      assertEquals(List.of("apt"), report.formatsFound());
      assertTrue(report.clean(), report.problems().toString());
    }
  }

  @Test
  void promoteAndRollBack() throws IOException {
    Path repo = dir.resolve("repo");
    try (Storage storage = FileSystemStorage.open(repo)) {
      AptRepository.builder(storage)
          .build()
          .publish("current", "main", List.of(DebBuilder.of("hello", "1.0", "amd64").writeTo(dir)));
    }
    // README:promote
    try (Storage storage = FileSystemStorage.open(repo)) {
      AptPromotion promotion = AptRepository.builder(storage).build().promotion();
      Promotion made = promotion.promote("current", "consistent", "CI run 1234");
      promotion.rollback("consistent", made.revision(), "back to what CI passed");
      for (Promotion p : promotion.history("consistent")) {
        System.out.println(p.revision() + " " + p.note());
      }
    }
    // README:end
    try (Storage storage = FileSystemStorage.open(repo)) {
      AptPromotion promotion = AptRepository.builder(storage).build().promotion();
      assertEquals(2, promotion.history("consistent").size());
      assertEquals(java.util.Optional.of(2), promotion.currentRevision("consistent"));
      Verification.Report report =
          new Verification(List.of(new AptFormat())).run(storage, VerifyContext.unsigned());
      assertTrue(report.clean(), report.problems().toString());
    }
  }

  @Test
  void deployToMaven() throws IOException {
    Path repo = dir.resolve("repo");
    Path pom =
        Files.writeString(
            dir.resolve("lib-1.0.pom"),
            "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
                + "<artifactId>lib</artifactId><version>1.0</version></project>");
    Path jar = Files.write(dir.resolve("lib-1.0.jar"), DemoCommand.jar());
    // README:maven
    try (Storage storage = FileSystemStorage.open(repo)) {
      MavenRepository maven = MavenRepository.builder(storage).build();
      ChangeReport<ArtifactRef> report =
          maven.deploy(
              Deployment.of(
                  pom.toString(),
                  ContentSource.ofPath(pom),
                  List.of(new ArtifactFile("", "jar", ContentSource.ofPath(jar), jar.toString()))));
      System.out.println("deployed " + report.added());
    }
    // README:end
    assertTrue(Files.isRegularFile(repo.resolve("com/example/lib/1.0/lib-1.0.jar.sha256")));
    assertTrue(Files.isRegularFile(repo.resolve("com/example/lib/maven-metadata.xml")));
  }

  @Test
  void publishWheels() throws IOException {
    Path repo = dir.resolve("repo");
    Path wheel = WheelBuilder.of("example-lib", "1.0").writeTo(dir);
    // README:pypi
    try (Storage storage = FileSystemStorage.open(repo)) {
      ChangeReport<DistributionRef> report = PypiRepository.on(storage).publish(List.of(wheel));
      System.out.println("published " + report.added());
    }
    // README:end
    try (Storage storage = FileSystemStorage.open(repo)) {
      assertTrue(
          new Verification(List.of(new PypiFormat()))
              .run(storage, VerifyContext.unsigned())
              .clean());
    }
    assertTrue(Files.isRegularFile(repo.resolve("simple/example-lib/index.html")));
  }

  @Test
  void publishPointAndFetchABuild() throws Exception {
    Path repo = dir.resolve("repo");
    Path tarball = Files.writeString(dir.resolve("app.tar.gz"), "app");
    Path releases = dir.resolve("releases");
    // README:build
    BuildName web = BuildName.of("web");
    PointerName prod = PointerName.of("prod");
    try (Storage storage = FileSystemStorage.open(repo)) {
      BuildRepository builds =
          BuildRepository.builder(storage).retention(Retention.keepNewest(20)).build();
      ChangeReport<BuildRef> report =
          builds.publish(
              NewBuild.builder(web, BuildVersion.of("1.4.2"))
                  .file("app.tar.gz", tarball)
                  .metadata("commit", "3f9c2e1")
                  .build());
      System.out.println("published " + report.added());
      builds.pointers().set(web, prod, PointerUpdate.to(BuildVersion.of("1.4.2")).withNote("go"));

      // On each node: the version at start, then each call waits for the pointer to move.
      PointerWatcher watcher =
          builds.pointers().watcher(web, prod).interval(Duration.ofSeconds(30)).build();
      PointerState now = watcher.awaitChange();
      builds.fetch(web, prod, releases.resolve(now.version().value()));
    }
    // README:end
    assertEquals("app", Files.readString(releases.resolve("1.4.2/app.tar.gz")));
    try (Storage storage = FileSystemStorage.open(repo)) {
      assertTrue(
          new Verification(List.of(new BuildFormat()))
              .run(storage, VerifyContext.unsigned())
              .clean());
    }
  }

  @Test
  void publishRpms() throws IOException {
    Path repo = dir.resolve("repo");
    Path secretKey = secretKey();
    Path rpmFile = RpmBuilder.of("hello", "1.0", "1.el9", "x86_64").writeTo(dir);
    // README:rpm
    try (Storage storage = FileSystemStorage.open(repo)) {
      Signer signer = PgpSigner.load(secretKey, new char[0], Clock.systemUTC());
      RpmRepository rpm = RpmRepository.builder(storage).signer(signer).build();
      ChangeReport<RpmRef> report = rpm.publish("el9/x86_64", List.of(rpmFile));
      System.out.println("published " + report.added());
    }
    // README:end
    try (Storage storage = FileSystemStorage.open(repo)) {
      Verification.Report report =
          new Verification(List.of(new RpmFormat())).run(storage, VerifyContext.unsigned());
      assertEquals(List.of("rpm"), report.formatsFound());
      assertTrue(report.clean(), report.problems().toString());
    }
    assertTrue(Files.isRegularFile(repo.resolve("el9/x86_64/repodata/repomd.xml.asc")));
  }

  @Test
  void publishToS3() throws Exception {
    Path deb = DebBuilder.of("hello", "1.0-1", "amd64").writeTo(dir);
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"))) {
      URI endpoint = s3.endpoint();
      String accessKey = S3ProxyFixture.ACCESS_KEY;
      String secretKey = S3ProxyFixture.SECRET_KEY;
      // README:s3
      S3Location location = S3Location.parse("s3://pinrepo-test/apt");
      try (Storage storage =
          S3Storage.builder(location)
              .endpoint(endpoint) // leave out for Amazon S3
              .pathStyle(true)
              .region("us-east-1")
              .credentials(accessKey, secretKey) // leave out for the AWS default chain
              .checksumMode(ChecksumMode.WHEN_REQUIRED)
              .build()) {
        AptRepository.builder(storage).build().publish("stable", "main", List.of(deb));
      }
      // README:end
      try (Storage storage = s3.storage("apt").build()) {
        assertTrue(
            new Verification(List.of(new AptFormat()))
                .run(storage, VerifyContext.unsigned())
                .clean());
        assertTrue(storage.stat(io.pinrepo.spi.ObjectKey.of("dists/stable/Release")).isPresent());
      }
    }
  }

  @Test
  void testWithTheTestkit() throws Exception {
    Path wheel = WheelBuilder.of("example-lib", "1.0").writeTo(dir);
    // README:testkit
    InMemoryStorage storage = new InMemoryStorage();
    PypiRepository pypi = PypiRepository.on(storage);

    // Crash the publish at its third write: nothing half-done is visible, and a retry succeeds.
    storage.failOn(Operation.WRITE, 3);
    assertThrows(InjectedFaultException.class, () -> pypi.publish(wheel));
    pypi.publish(wheel);

    // Point a real client at it over loopback HTTP.
    try (RepositoryServer server = RepositoryServer.start(storage)) {
      URI page = server.baseUri().resolve("simple/example-lib/");
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(response.body().contains(wheel.getFileName().toString()));
    }
    // README:end
    assertEquals(0, storage.openStreams());
    assertTrue(storage.keys().size() > 3, storage.keys().toString());
    assertTrue(
        new String(
                storage.peek(io.pinrepo.spi.ObjectKey.of("simple/index.html")).orElseThrow(),
                StandardCharsets.UTF_8)
            .contains("example-lib"));
  }

  @Test
  void mirrorIntoARegion() throws Exception {
    Path wheel = WheelBuilder.of("example-lib", "1.0").writeTo(dir);
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
        Storage origin = FileSystemStorage.open(dir.resolve("repo"));
        Storage euBucket = s3.storage("eu").build()) {
      PypiRepository.on(origin).publish(List.of(wheel));
      io.pinrepo.spi.ObjectKey wheelKey =
          io.pinrepo.spi.ObjectKey.of("simple/example-lib/" + wheel.getFileName());
      // README:mirror
      try (RegionalMirror mirror = RegionalMirror.builder(origin).region("eu", euBucket).build()) {
        Located copy = mirror.locate(wheelKey, "eu"); // copied and verified on the first request
        System.out.println("302 to " + copy.url()); // a presigned URL into the eu bucket
      }
      // README:end
      assertEquals(Files.size(wheel), euBucket.stat(wheelKey).orElseThrow().size());
    }
  }

  @Test
  void replicate() throws IOException {
    Path buildRepo = dir.resolve("build-repo");
    Path publicRepo = dir.resolve("public-repo");
    try (Storage storage = FileSystemStorage.open(buildRepo)) {
      PypiRepository.on(storage).publish(WheelBuilder.of("demo-lib", "1.0").writeTo(dir));
    }
    // README:replicate
    Replicator replicator = Replicator.builder(RepositoryFormats.installed()).build();
    try (Storage source = FileSystemStorage.open(buildRepo);
        Storage target = FileSystemStorage.open(publicRepo)) {
      ReplicationReport report = replicator.replicate(source, target);
      System.out.println("copied " + report.copied() + " files, " + report.bytes() + " bytes");
    }
    // README:end
    try (Storage storage = FileSystemStorage.open(publicRepo)) {
      assertEquals(1, PypiRepository.on(storage).projects().size());
      assertTrue(
          new Verification(RepositoryFormats.installed())
              .run(storage, VerifyContext.unsigned())
              .clean());
    }
  }
}
