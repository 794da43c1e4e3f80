package io.pinrepo.testkit.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The real {@code mvn} as a consumer project resolving dependencies from one repository under test:
 * a POM whose repository fails on any checksum mismatch, run offline except for {@code file:} URLs
 * and loopback ({@code 127.0.0.1}), with {@code -C} (strict checksums) and {@code -U}. Plugins come
 * from the local repository of the build that runs the tests ({@link #localRepository()}), which
 * must hold {@link #DEPENDENCY_PLUGIN} already: pinrepo's build resolves it before the tests run
 * (its {@code prefetch-test-plugins} profile). Skips the test when mvn is missing.
 */
public final class MavenConsumer {

  /**
   * The plugin that resolves, pinned so an offline run needs exactly this version in the local
   * repository (the build resolves it before the tests run).
   */
  public static final String DEPENDENCY_PLUGIN =
      "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

  /**
   * The system property naming the local repository of the build that runs the tests; pinrepo's
   * build sets it for every test JVM to Maven's {@code ${settings.localRepository}}.
   */
  public static final String LOCAL_REPOSITORY_PROPERTY = "maven.repo.local";

  private MavenConsumer() {}

  /**
   * Resolves {@code coordinates} ({@code groupId:artifactId:version}, the version may be a range)
   * from the one repository at {@code repositoryUrl} with {@link #resolve}: releases and snapshots
   * enabled, snapshots always re-checked, and any checksum mismatch failing the build.
   */
  public static Map<String, Path> resolveFrom(
      Path project, String repositoryUrl, String... coordinates) throws IOException {
    StringBuilder body =
        new StringBuilder(
            """
            <repositories><repository><id>under-test</id><url>%s</url>
            <releases><enabled>true</enabled><checksumPolicy>fail</checksumPolicy></releases>
            <snapshots><enabled>true</enabled><updatePolicy>always</updatePolicy>
              <checksumPolicy>fail</checksumPolicy></snapshots></repository></repositories>
            <dependencies>
            """
                .formatted(repositoryUrl));
    for (String c : coordinates) {
      String[] gav = c.split(":", -1);
      if (gav.length != 3) {
        throw new IllegalArgumentException("not groupId:artifactId:version: " + c);
      }
      body.append(
          "<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>\n"
              .formatted(gav[0], gav[1], gav[2]));
    }
    body.append("</dependencies>");
    return resolve(project, pom(body.toString()));
  }

  /** The consumer POM ({@code check:consumer:1}) with {@code body} (repositories, dependencies). */
  public static String pom(String body) {
    return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>\n"
        + "<groupId>check</groupId><artifactId>consumer</artifactId><version>1</version>\n"
        + body
        + "\n</project>\n";
  }

  /**
   * Writes {@code pom} as {@code project/pom.xml}, runs {@code dependency:copy-dependencies} into
   * {@code project/deps}, fails the test when mvn fails, and returns the resolved files by name.
   */
  public static Map<String, Path> resolve(Path project, String pom) throws IOException {
    Programs.require("mvn");
    Files.createDirectories(project);
    Files.writeString(project.resolve("pom.xml"), pom);
    Programs.run(
            project,
            Map.of(),
            command(
                "-o",
                "-Daether.offline.protocols=file",
                "-Daether.offline.hosts=127.0.0.1",
                "-C",
                "-U",
                DEPENDENCY_PLUGIN + ":copy-dependencies",
                "-DoutputDirectory=deps"))
        .orFail();
    Map<String, Path> resolved = new TreeMap<>();
    Path deps = project.resolve("deps");
    if (Files.isDirectory(deps)) {
      try (Stream<Path> files = Files.list(deps)) {
        files.forEach(f -> resolved.put(f.getFileName().toString(), f));
      }
    }
    return Collections.unmodifiableMap(resolved);
  }

  /**
   * Deletes what Maven cached of {@code groupId} in the {@link #localRepository()}, so the next
   * resolution has to come from the repository under test.
   */
  public static void forgetCached(String groupId) throws IOException {
    deleteTree(localRepository().resolve(groupId.replace('.', '/')));
  }

  /** Deletes what Maven cached of {@code groupId:artifactId} in the {@link #localRepository()}. */
  public static void forgetCached(String groupId, String artifactId) throws IOException {
    deleteTree(localRepository().resolve(groupId.replace('.', '/')).resolve(artifactId));
  }

  /**
   * {@code mvn -B -q}, with the local repository of the build that runs the tests when {@link
   * #LOCAL_REPOSITORY_PROPERTY} names one, then {@code arguments}: how every test runs the real
   * mvn, so that it finds the plugins the build resolved.
   */
  public static List<String> command(String... arguments) {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
    String local = System.getProperty(LOCAL_REPOSITORY_PROPERTY, "");
    if (!local.isBlank()) {
      command.add("-D" + LOCAL_REPOSITORY_PROPERTY + "=" + local);
    }
    command.addAll(List.of(arguments));
    return List.copyOf(command);
  }

  /**
   * The local repository the tests' mvn runs use: the one {@link #LOCAL_REPOSITORY_PROPERTY} names,
   * else {@code ~/.m2/repository}.
   */
  public static Path localRepository() {
    String local = System.getProperty(LOCAL_REPOSITORY_PROPERTY, "");
    return local.isBlank()
        ? Path.of(System.getProperty("user.home"), ".m2", "repository")
        : Path.of(local);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
