package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.hash.Digests;
import io.pinrepo.maven.metadata.PluginEntry;
import io.pinrepo.maven.pom.Pom;
import io.pinrepo.maven.pom.PomReader;
import io.pinrepo.spi.ContentSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deploy read and checked in full before anything is written: the POM parsed and its coordinates
 * settled, a plugin's descriptor read from its jar, and every file digested. What is wrong with the
 * files is collected, one exception per bad file, rather than thrown at the first.
 *
 * @param coordinates the GAV deployed; empty when the POM is too broken to tell
 * @param pom what the POM says; empty likewise
 * @param plugin for a {@code maven-plugin}, its entry in the group-level metadata
 * @param files the artifacts and then the POM, each with its digests (empty when the POM is bad)
 * @param problems one per bad file, in the order the files were given
 */
record CheckedDeploy(
    Optional<Coordinates> coordinates,
    Optional<Pom> pom,
    Optional<PluginEntry> plugin,
    List<File> files,
    List<MalformedPackageException> problems) {

  /**
   * One file of the deploy.
   *
   * @param classifier empty for the main artifact and the POM
   * @param extension {@code pom} for the POM
   * @param content its bytes
   * @param source the file as the user named it
   * @param digests its digests, computed once here
   */
  record File(
      String classifier, String extension, ContentSource content, String source, Digests digests) {}

  CheckedDeploy {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /** Reads every file of {@code d}; I/O failures are thrown, bad content is collected. */
  static CheckedDeploy read(Deployment d) throws IOException {
    Pom pom;
    Coordinates c;
    try (InputStream in = d.pom().open()) {
      pom = PomReader.read(d.pomSource(), in);
      c = d.coordinates(pom);
    } catch (MalformedPackageException e) {
      return new CheckedDeploy(
          Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(e));
    }
    List<MalformedPackageException> problems = new ArrayList<>();
    Optional<PluginEntry> plugin = Optional.empty();
    if (pom.packaging().equals("maven-plugin")) {
      try {
        plugin = Optional.of(PluginDescriptor.read(c.artifactId(), pom.name(), mainJar(d)));
      } catch (MalformedPackageException e) {
        problems.add(e);
      }
    }
    List<File> files = new ArrayList<>();
    for (ArtifactFile a : d.artifacts()) {
      files.add(file(a.classifier(), a.extension(), a.content(), a.source()));
    }
    files.add(file("", "pom", d.pom(), d.pomSource()));
    return new CheckedDeploy(Optional.of(c), Optional.of(pom), plugin, files, problems);
  }

  private static File file(
      String classifier, String extension, ContentSource content, String source)
      throws IOException {
    try (InputStream in = content.open()) {
      return new File(classifier, extension, content, source, Digests.of(in));
    }
  }

  private static Optional<ArtifactFile> mainJar(Deployment d) {
    return d.artifacts().stream()
        .filter(a -> a.classifier().isEmpty() && a.extension().equals("jar"))
        .findFirst();
  }
}
