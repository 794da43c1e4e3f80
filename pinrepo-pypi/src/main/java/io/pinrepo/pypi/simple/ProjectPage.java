package io.pinrepo.pypi.simple;

import io.pinrepo.format.Retention;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.version.Pep440Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The state of one project: its files, sorted by version then name. Every change returns a new
 * page; the publisher renders it and commits it as the project's top.
 *
 * @param name the project
 * @param files its files, each name once
 */
public record ProjectPage(ProjectName name, List<ProjectFile> files) {

  /** Sorts the files and checks that every file name is unique and belongs to the project. */
  public ProjectPage {
    Objects.requireNonNull(name, "name");
    List<ProjectFile> sorted = new ArrayList<>(files);
    sorted.sort(ProjectFile.ORDER);
    for (int i = 0; i < sorted.size(); i++) {
      ProjectFile f = sorted.get(i);
      if (!f.name().project().equals(name)) {
        throw new IllegalArgumentException(f.fileName() + " is not a file of " + name);
      }
      if (i > 0 && sorted.get(i - 1).fileName().equals(f.fileName())) {
        throw new IllegalArgumentException("duplicate file " + f.fileName());
      }
    }
    files = List.copyOf(sorted);
  }

  /** A project without files. */
  public static ProjectPage empty(ProjectName name) {
    return new ProjectPage(name, List.of());
  }

  /** The file called {@code fileName}, if listed. */
  public Optional<ProjectFile> file(String fileName) {
    return files.stream().filter(f -> f.fileName().equals(fileName)).findFirst();
  }

  /** The distinct versions of the files, ascending (PEP 700 {@code versions}). */
  public List<Pep440Version> versions() {
    return List.copyOf(new TreeSet<>(files.stream().map(ProjectFile::version).toList()));
  }

  /** This page with {@code file} added; a file of the same name must not be listed yet. */
  public ProjectPage with(ProjectFile file) {
    List<ProjectFile> next = new ArrayList<>(files);
    next.add(file);
    return new ProjectPage(name, next);
  }

  /** This page with every file of {@code version} yanked for {@code reason}, or unyanked. */
  public ProjectPage withYanked(Pep440Version version, Optional<String> reason) {
    return new ProjectPage(
        name,
        files.stream().map(f -> f.version().equals(version) ? f.withYanked(reason) : f).toList());
  }

  /** This page without the files of {@code version}. */
  public ProjectPage without(Pep440Version version) {
    return new ProjectPage(name, files.stream().filter(f -> !f.version().equals(version)).toList());
  }

  /**
   * This page without the versions that {@code retention} drops once {@code published} is
   * published, in PEP 440 order.
   */
  public ProjectPage retaining(Retention retention, Pep440Version published) {
    List<Pep440Version> dropped =
        retention.dropped(versions(), published, Comparator.<Pep440Version>naturalOrder());
    if (dropped.isEmpty()) {
      return this;
    }
    return new ProjectPage(
        name, files.stream().filter(f -> !dropped.contains(f.version())).toList());
  }
}
