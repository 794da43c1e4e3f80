package io.pinrepo.benchmarks;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.maven.ArtifactFile;
import io.pinrepo.maven.Deployment;
import io.pinrepo.maven.MavenRepository;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.rpm.RpmRepository;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repositories the benchmarks publish into, made quickly: built in an {@link InMemoryStorage}
 * through the public API and then written out as plain files, which {@code FileSystemStorage} reads
 * like any repository it wrote itself. The distribution is {@code stable}, component {@code main},
 * architecture {@code amd64}; the Maven artifact {@code com.example:lib}; PyPI projects {@code
 * proj00000} onwards; the RPM repository path {@code el9/x86_64}.
 */
public final class Fixtures {
  /** The distribution every APT fixture publishes into. */
  public static final String DIST = "stable";

  /** The component every APT fixture publishes into. */
  public static final String COMPONENT = "main";

  /** The repository path every RPM fixture publishes into. */
  public static final String RPM_PATH = "el9/x86_64";

  private Fixtures() {}

  /** A tiny real .deb, {@code <prefix><index>_1.0-1_amd64.deb}, about 700 bytes. */
  public static byte[] deb(String prefix, int index) {
    return DebBuilder.of(String.format("%s%06d", prefix, index), "1.0-1", "amd64").build();
  }

  /**
   * Writes an APT repository of {@code packages} packages into {@code dir}, published in one call.
   * Without {@code withPool} only {@code dists/} is written: a publish never reads the pool.
   */
  public static void aptRepository(
      Path dir, int packages, Optional<Signer> signer, boolean withPool) throws IOException {
    InMemoryStorage memory = new InMemoryStorage();
    AptRepository.Builder builder = AptRepository.builder(memory);
    signer.ifPresent(builder::signer);
    List<ContentSource> debs = new ArrayList<>(packages);
    for (int i = 0; i < packages; i++) {
      debs.add(ContentSource.ofBytes(deb("bench", i)));
    }
    builder.build().publishSources(DIST, COMPONENT, debs);
    Trees.dump(memory, dir, key -> withPool || !key.startsWith("pool/"));
  }

  /** Writes a Maven repository holding {@code versions} releases of {@code com.example:lib}. */
  public static void mavenArtifact(Path dir, int versions) throws IOException {
    InMemoryStorage memory = new InMemoryStorage();
    MavenRepository deployer = MavenRepository.builder(memory).build();
    for (int i = 0; i < versions; i++) {
      deployer.deploy(mavenDeployment("1.0." + i));
    }
    Trees.dump(memory, dir, key -> true);
  }

  /** A POM and a small jar of {@code com.example:lib:version}, held in memory. */
  public static Deployment mavenDeployment(String version) {
    return Deployment.of(
        "lib-" + version + ".pom",
        ContentSource.ofUtf8(pom(version)),
        List.of(
            new ArtifactFile(
                "",
                "jar",
                ContentSource.ofBytes(("jar of " + version).getBytes(StandardCharsets.UTF_8)),
                "lib-" + version + ".jar")));
  }

  /** The POM of {@code com.example:lib:version}. */
  public static String pom(String version) {
    return "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
        + "<artifactId>lib</artifactId><version>"
        + version
        + "</version></project>\n";
  }

  /**
   * Writes a PyPI repository of {@code projects} projects with one wheel each into {@code dir}; the
   * wheels are built in {@code scratch}.
   */
  public static void pypiIndex(Path dir, int projects, Path scratch) throws IOException {
    InMemoryStorage memory = new InMemoryStorage();
    PypiRepository pypi = PypiRepository.on(memory);
    Files.createDirectories(scratch);
    for (int i = 0; i < projects; i++) {
      Path wheel = wheel(project(i), "1.0", scratch);
      pypi.publish(wheel);
      Files.delete(wheel);
    }
    Trees.dump(memory, dir, key -> true);
  }

  /** The name of the {@code index}th PyPI fixture project. */
  public static String project(int index) {
    return String.format("proj%05d", index);
  }

  /** Writes a small wheel of {@code project} {@code version} into {@code dir}. */
  public static Path wheel(String project, String version, Path dir) throws IOException {
    return WheelBuilder.of(project, version).writeTo(dir);
  }

  /**
   * Writes a tiny real .rpm, {@code <name>-1.0-1.x86_64.rpm} (about 1 KiB), into {@code dir}, made
   * if missing.
   */
  public static Path rpm(String name, Path dir) throws IOException {
    return RpmBuilder.of(name, "1.0", "1", "x86_64")
        .file("/usr/share/" + name + "/README", name.getBytes(StandardCharsets.UTF_8))
        .writeTo(Files.createDirectories(dir));
  }

  /**
   * Writes an RPM repository path {@link #RPM_PATH} of {@code packages} packages into {@code dir},
   * published in one call; the packages are built in {@code scratch}. Without {@code withPackages}
   * only the metadata is written: a publish never reads the other packages.
   */
  public static void rpmRepository(
      Path dir, int packages, Optional<Signer> signer, Path scratch, boolean withPackages)
      throws IOException {
    InMemoryStorage memory = new InMemoryStorage();
    RpmRepository.Builder builder = RpmRepository.builder(memory);
    signer.ifPresent(builder::signer);
    List<Path> files = new ArrayList<>(packages);
    for (int i = 0; i < packages; i++) {
      files.add(rpm(String.format("bench%06d", i), scratch));
    }
    builder.build().publish(RPM_PATH, files);
    for (Path file : files) {
      Files.delete(file);
    }
    Trees.dump(memory, dir, key -> withPackages || !key.contains("/Packages/"));
  }
}
