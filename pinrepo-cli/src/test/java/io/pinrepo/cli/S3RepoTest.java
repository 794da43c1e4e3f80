package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.DirectoryKeys;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.MavenConsumer;
import io.pinrepo.testkit.clients.Pip;
import io.pinrepo.testkit.clients.Programs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code --repo s3://...} against s3proxy in this JVM (pinrepo-s3's {@link S3ProxyFixture}), with
 * credentials from the AWS default chain: here its system-property link, {@code aws.accessKeyId}
 * and {@code aws.secretAccessKey}.
 */
class S3RepoTest {

  @TempDir static Path dir;
  static S3ProxyFixture s3;
  static String endpoint;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3ProxyFixture.start(dir.resolve("s3"));
    endpoint = s3.endpoint().toString();
    System.setProperty("aws.accessKeyId", S3ProxyFixture.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ProxyFixture.SECRET_KEY);
  }

  @AfterAll
  static void stop() throws IOException {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    s3.close();
  }

  private static String[] s3Args(String prefix, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(
        List.of(
            "--repo",
            "s3://" + S3ProxyFixture.BUCKET + "/" + prefix,
            "--s3-endpoint",
            endpoint,
            "--s3-region",
            "us-east-1",
            "--s3-path-style"));
    return args.toArray(String[]::new);
  }

  private static RepoOptions parse(String... args) {
    RepoOptions options = new RepoOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void anS3RepoOpensTheBucketAndPrefixAtTheEndpoint() throws Exception {
    RepoOptions options =
        parse(
            "--repo",
            "s3://" + S3ProxyFixture.BUCKET + "/team/apt",
            "--s3-endpoint",
            endpoint,
            "--s3-path-style",
            "--s3-checksums",
            "when-required");
    try (Storage storage = options.openStorage()) {
      assertTrue(storage instanceof S3Storage);
      storage.write(ObjectKey.of("hello"), ContentSource.ofUtf8("hi"), WriteCondition.none());
    }
    try (Storage whole = s3.storage("").build()) {
      assertTrue(whole.stat(ObjectKey.of("team/apt/hello")).isPresent());
    }
  }

  @Test
  void verifyReachesTheBucketAndReportsAnEmptyRepository() {
    CliRun run = CliRun.of(s3Args("empty", "verify"));
    assertEquals(1, run.status(), run.err());
    assertEquals(
        "pinrepo: no repository at s3://"
            + S3ProxyFixture.BUCKET
            + "/empty (nothing published there)\n",
        run.err());
  }

  @Test
  void aMissingBucketOrAnEmptyPrefixIsNoRepositoryForEveryReadOnlyCommand() {
    for (List<String> command : ReadOnlyCommandsTest.READ_ONLY) {
      if (command.get(0).equals("serve")) {
        continue; // in-process, a serve that found a repository would not return
      }
      String[] empty = s3Args("nothing-here", command.toArray(String[]::new));
      CliRun run = CliRun.of(empty);
      assertEquals(1, run.status(), command + ": " + run.err());
      assertEquals(
          "pinrepo: no repository at s3://"
              + S3ProxyFixture.BUCKET
              + "/nothing-here (nothing published there)\n",
          run.err(),
          command.toString());

      List<String> args = new ArrayList<>(command);
      args.addAll(
          List.of(
              "--repo",
              "s3://pinrepo-no-such-bucket/apt",
              "--s3-endpoint",
              endpoint,
              "--s3-region",
              "us-east-1",
              "--s3-path-style"));
      CliRun missing = CliRun.of(args.toArray(String[]::new));
      assertEquals(1, missing.status(), command + ": " + missing.err());
      assertEquals(
          "pinrepo: no repository at s3://pinrepo-no-such-bucket/apt"
              + " (no bucket pinrepo-no-such-bucket)\n",
          missing.err(),
          command.toString());
    }
  }

  @Test
  void anUnknownChecksumModeIsOneLine() {
    CliRun run =
        CliRun.of(
            "verify",
            "--repo",
            "s3://bucket-x",
            "--s3-endpoint",
            endpoint,
            "--s3-checksums",
            "always");
    assertEquals(1, run.status());
    assertTrue(run.err().contains("--s3-checksums always"), run.err());
    assertFalse(run.hasStackTrace(), run.err());
  }

  @Test
  void noDirectoryKeysReachesTheStorageOfRepoAndOfEveryOtherS3Location() throws Exception {
    String bucket = "s3://" + S3ProxyFixture.BUCKET + "/dirs";
    RepoOptions plain = parse("--repo", bucket, "--s3-endpoint", endpoint, "--s3-path-style");
    RepoOptions minio =
        parse(
            "--repo",
            bucket,
            "--s3-endpoint",
            endpoint,
            "--s3-path-style",
            "--s3-no-directory-keys");
    StorageFlags flags = new StorageFlags();
    new CommandLine(flags)
        .parseArgs("--s3-endpoint", endpoint, "--s3-path-style", "--s3-no-directory-keys");
    try (Storage holds = plain.openStorage();
        Storage refuses = minio.openStorage();
        Storage region = flags.open(bucket)) {
      assertTrue(DirectoryKeys.supported(holds));
      assertFalse(DirectoryKeys.supported(refuses));
      assertFalse(DirectoryKeys.supported(region));
    }
  }

  @Test
  void pypiPublishWithNoDirectoryKeysWritesNoKeyEndingInSlash() throws Exception {
    Path whl = WheelBuilder.of("demo-flat", "1.0").writeTo(dir.resolve("flat"));
    List<String> args = new ArrayList<>(List.of(s3Args("flat", "pypi", "publish")));
    args.add("--s3-no-directory-keys");
    args.add(whl.toString());
    CliRun flat = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, flat.status(), flat.err());
    CliRun withKeys = CliRun.of(s3Args("keys", "pypi", "publish", whl.toString()));
    assertEquals(0, withKeys.status(), withKeys.err());
    try (S3Client raw = s3Client()) {
      List<String> flatKeys = keys(raw, "flat/");
      List<String> keyed = keys(raw, "keys/");
      assertTrue(flatKeys.contains("flat/simple/demo-flat/index.html"), flatKeys.toString());
      assertFalse(flatKeys.stream().anyMatch(k -> k.endsWith("/")), flatKeys.toString());
      assertTrue(keyed.contains("keys/simple/demo-flat/"), keyed.toString());
    }
  }

  private static List<String> keys(S3Client raw, String prefix) {
    return raw
        .listObjectsV2Paginator(b -> b.bucket(S3ProxyFixture.BUCKET).prefix(prefix))
        .contents()
        .stream()
        .map(o -> o.key())
        .toList();
  }

  @Test
  void pypiPublishesIntoS3AndPipDownloadsFromIt() throws Exception {
    Path whl = WheelBuilder.of("demo-s3", "1.0").writeTo(dir.resolve("wheels"));
    CliRun publish = CliRun.of(s3Args("py", "pypi", "publish", whl.toString()));
    assertEquals(0, publish.status(), publish.err());
    try (S3Client raw = s3Client()) {
      var head =
          raw.headObject(b -> b.bucket(S3ProxyFixture.BUCKET).key("py/simple/demo-s3/index.html"));
      assertEquals("text/html;charset=utf-8", head.contentType().replace(" ", ""));
      assertEquals("public, max-age=60", head.cacheControl());
    }
    Pip.require();
    try (S3Storage storage = s3.storage("py").build();
        RepositoryServer server = RepositoryServer.start(storage)) {
      Path into = dir.resolve("downloaded");
      Pip.download(dir, server.baseUri().resolve("simple/"), into, "demo-s3==1.0");
      assertEquals(Files.size(whl), Files.size(into.resolve(whl.getFileName())));
    }
  }

  @Test
  void mavenDeploysIntoS3AndARealMavenConsumerResolvesFromIt() throws Exception {
    String group = "io.pinrepo.s3clitest";
    Path in = Files.createDirectories(dir.resolve("maven"));
    Path pom =
        Files.writeString(
            in.resolve("demo-1.0.pom"),
            "<project><modelVersion>4.0.0</modelVersion><groupId>"
                + group
                + "</groupId><artifactId>demo</artifactId><version>1.0</version></project>");
    Path jar = Files.write(in.resolve("demo-1.0.jar"), jar());
    CliRun deploy = CliRun.of(s3Args("m2", "maven", "deploy", pom.toString(), jar.toString()));
    assertEquals(0, deploy.status(), deploy.err());
    CliRun list = CliRun.of(s3Args("m2", "maven", "list", group + ":demo"));
    assertEquals(0, list.status(), list.err());
    assertTrue(list.out().contains("1.0"), list.out());
    String path = "m2/" + group.replace('.', '/') + "/demo/";
    try (S3Client raw = s3Client()) {
      var jarHead =
          raw.headObject(b -> b.bucket(S3ProxyFixture.BUCKET).key(path + "1.0/demo-1.0.jar"));
      assertEquals("application/java-archive", jarHead.contentType());
      assertEquals("public, max-age=31536000, immutable", jarHead.cacheControl());
      var metadata =
          raw.headObject(b -> b.bucket(S3ProxyFixture.BUCKET).key(path + "maven-metadata.xml"));
      assertEquals("public, max-age=60", metadata.cacheControl());
    }
    Programs.require("mvn");
    try (S3Storage storage = s3.storage("m2").build();
        RepositoryServer server = RepositoryServer.start(storage)) {
      Map<String, Path> resolved =
          MavenConsumer.resolveFrom(
              dir.resolve("consumer"), server.baseUri().toString(), group + ":demo:1.0");
      assertEquals(Files.size(jar), Files.size(resolved.get("demo-1.0.jar")));
    } finally {
      MavenConsumer.forgetCached(
          group); // what mvn cached of the test group in the shared local repository
    }
  }

  @Test
  void debPublishesIntoS3AndAptGetDownloadsFromIt() throws Exception {
    Path deb = DebBuilder.of("hello-s3", "1.0-1", "amd64").writeTo(dir.resolve("debs"));
    CliRun publish = CliRun.of(s3Args("apt", "deb", "publish", "--dist", "stable", deb.toString()));
    assertEquals(0, publish.status(), publish.err());
    try (S3Client raw = s3Client()) {
      var release =
          raw.headObject(b -> b.bucket(S3ProxyFixture.BUCKET).key("apt/dists/stable/Release"));
      assertEquals("public, max-age=60", release.cacheControl());
      var pool =
          raw.headObject(
              b ->
                  b.bucket(S3ProxyFixture.BUCKET)
                      .key("apt/pool/main/h/hello-s3/hello-s3_1.0-1_amd64.deb"));
      assertEquals("application/vnd.debian.binary-package", pool.contentType());
      assertEquals("public, max-age=31536000, immutable", pool.cacheControl());
    }
    try (S3Storage storage = s3.storage("apt").build();
        RepositoryServer server = RepositoryServer.start(storage)) {
      AptRoot apt =
          AptRoot.create(
              dir.resolve("apt-root"),
              "deb [arch=amd64 trusted=yes] " + server.baseUri() + " stable main",
              "amd64");
      Programs.Result update = apt.update();
      assertEquals(0, update.exit(), update.err());
      assertEquals(List.of(), AptRoot.problems(update));
      assertEquals("1.0-1", apt.candidate("hello-s3"));
      assertEquals(Files.size(deb), Files.size(apt.download("hello-s3")));
    }
  }

  @Test
  void rpmPublishesIntoS3SignedAndDnfLoadsItAndPicksTheNewest() throws Exception {
    PgpKeyGenerator.GeneratedKey key =
        PgpKeyGenerator.generate("s3 <s3@example.org>", java.time.Clock.systemUTC());
    Path secret = Files.writeString(dir.resolve("rpm-secret.asc"), key.armoredSecretKey());
    Path pub = Files.writeString(dir.resolve("rpm-public.asc"), key.armoredPublicKey());
    Path in = Files.createDirectories(dir.resolve("rpms"));
    List<String> rpms = new ArrayList<>();
    for (String version : List.of("1.0", "2.0~rc1", "2.0")) {
      Path to = Files.createDirectories(in.resolve(version));
      rpms.add(RpmBuilder.of("hello-s3", version, "1", "x86_64").writeTo(to).toString());
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                s3Args(
                    "yum",
                    "rpm",
                    "publish",
                    "--path",
                    "el9/x86_64",
                    "--sign-key",
                    secret.toString())));
    args.addAll(rpms);
    CliRun publish = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, publish.status(), publish.err());
    CliRun verify = CliRun.of(s3Args("yum", "verify", "--public-key", pub.toString()));
    assertEquals(0, verify.status(), verify.out() + verify.err());
    try (S3Client raw = s3Client()) {
      var repomd =
          raw.headObject(
              b -> b.bucket(S3ProxyFixture.BUCKET).key("yum/el9/x86_64/repodata/repomd.xml"));
      assertEquals("public, max-age=60", repomd.cacheControl());
      var rpm =
          raw.headObject(
              b ->
                  b.bucket(S3ProxyFixture.BUCKET)
                      .key("yum/el9/x86_64/Packages/h/hello-s3-2.0-1.x86_64.rpm"));
      assertEquals("public, max-age=31536000, immutable", rpm.cacheControl());
    }
    Programs.require("dnf");
    try (S3Storage storage = s3.storage("yum").build();
        RepositoryServer server = RepositoryServer.start(storage)) {
      Path root = dir.resolve("dnf-root");
      Path repos = Files.createDirectories(root.resolve("etc/yum.repos.d"));
      Files.writeString(
          repos.resolve("pin.repo"),
          "[pin]\nname=pin\nbaseurl="
              + server.baseUri().resolve("el9/x86_64")
              + "\nenabled=1\ngpgcheck=0\nrepo_gpgcheck=1\ngpgkey=file://"
              + pub
              + "\n");
      List<String> dnf =
          new ArrayList<>(
              List.of(
                  "dnf",
                  "-q",
                  "-y",
                  "--installroot",
                  root.toString(),
                  "--setopt=reposdir=" + repos,
                  "--setopt=cachedir=" + root.resolve("cache"),
                  "--setopt=skip_if_unavailable=False",
                  "--releasever",
                  "9",
                  "--forcearch",
                  "x86_64",
                  "--disableplugin=*",
                  "repoquery",
                  "--latest-limit",
                  "1",
                  "--qf",
                  "%{version}-%{release}",
                  "hello-s3"));
      Programs.Result newest = Programs.run(dir, Map.of("LC_ALL", "C.UTF-8"), dnf).orFail();
      assertEquals("2.0-1", newest.out().strip(), newest.err());
    }
  }

  private static S3Client s3Client() {
    return S3Client.builder()
        .endpointOverride(s3.endpoint())
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .forcePathStyle(true)
        .build();
  }

  private static byte[] jar() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e = new ZipEntry("build.txt");
      e.setTime(315_532_800_000L);
      zip.putNextEntry(e);
      zip.write("build".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
