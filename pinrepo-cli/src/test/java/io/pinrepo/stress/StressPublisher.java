package io.pinrepo.stress;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.maven.ArtifactFile;
import io.pinrepo.maven.Deployment;
import io.pinrepo.maven.MavenRepository;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.s3.S3Location;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A publishing process for the multi-process tests: {@code StressPublisher REPO WORK IDS COUNT}
 * publishes, for each ID of the comma-separated IDS and i in 0..COUNT-1, one .deb into the apt dist
 * {@code stable}, one wheel into the PyPI project {@code stress} and one release of the Maven GA
 * {@code io.pinrepo.stress:demo}, all shared with the other processes. It prints {@code ready},
 * then one line per publish that returned ({@code ok apt|pypi|maven VERSION}), then {@code
 * conflicts N} and {@code done}. The same ID and COUNT always publish the same bytes, so a killed
 * run can be repeated. REPO is a directory, or {@code s3://BUCKET/PREFIX} on the test S3 server
 * whose endpoint the system property {@code stress.s3.endpoint} gives.
 */
public final class StressPublisher {
  static final String DIST = "stable";
  static final String PROJECT = "stress";
  static final String GROUP = "io.pinrepo.stress";
  static final String ARTIFACT = "demo";
  private static final long ZIP_EPOCH = 315_532_800_000L;

  private StressPublisher() {}

  /** Runs one publisher; see the class comment. */
  public static void main(String[] args) throws IOException {
    Path work = Files.createDirectories(Path.of(args[1]));
    int count = Integer.parseInt(args[3]);
    System.out.println("ready");
    System.out.flush();
    try (ConflictCounter storage = new ConflictCounter(open(args[0]))) {
      AptRepository apt = AptRepository.builder(storage).build();
      PypiRepository pypi = PypiRepository.on(storage);
      MavenRepository maven = MavenRepository.builder(storage).build();
      for (String ids : args[2].split(",")) {
        int id = Integer.parseInt(ids);
        for (int i = 0; i < count; i++) {
          String version = id + "." + i;
          apt.publish(DIST, "main", List.of(deb(id, i).writeTo(work)));
          report("apt", id, i);
          pypi.publish(WheelBuilder.of(PROJECT, version).writeTo(work));
          report("pypi", id, i);
          maven.deploy(deployment(version));
          report("maven", id, i);
        }
      }
      System.out.println("conflicts " + storage.conflicts());
    }
    System.out.println("done");
    System.out.flush();
  }

  static Storage open(String repo) throws IOException {
    if (!repo.startsWith("s3://")) {
      return FileSystemStorage.open(Path.of(repo));
    }
    return S3Storage.builder(S3Location.parse(repo))
        .endpoint(URI.create(System.getProperty("stress.s3.endpoint")))
        .region("us-east-1")
        .pathStyle(true)
        .credentials(S3ProxyFixture.ACCESS_KEY, S3ProxyFixture.SECRET_KEY)
        .build();
  }

  private static void report(String format, int id, int i) {
    System.out.println("ok " + format + " " + id + "." + i);
    System.out.flush();
  }

  /** The .deb publisher {@code id} publishes {@code i}-th. */
  static DebBuilder deb(int id, int i) {
    return DebBuilder.of("p" + id, "1." + i, "amd64");
  }

  /** A release of the shared GA at {@code version}: a POM and a small deterministic jar. */
  static Deployment deployment(String version) {
    String pom =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>%s</groupId>
          <artifactId>%s</artifactId>
          <version>%s</version>
        </project>
        """
            .formatted(GROUP, ARTIFACT, version);
    return Deployment.of(
        "pom.xml",
        ContentSource.ofUtf8(pom),
        List.of(new ArtifactFile("", "jar", ContentSource.ofBytes(jar(version)), "demo.jar")));
  }

  private static byte[] jar(String version) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry = new ZipEntry("version.txt");
      entry.setTime(ZIP_EPOCH);
      zip.putNextEntry(entry);
      zip.write(version.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
