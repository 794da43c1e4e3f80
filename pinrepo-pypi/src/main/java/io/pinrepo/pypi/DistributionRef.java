package io.pinrepo.pypi;

import io.pinrepo.format.Entry;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.spi.ObjectKey;
import java.util.Objects;

/**
 * A wheel or sdist as its project's page lists it: the entry of every {@link
 * io.pinrepo.format.ChangeReport} a {@link PypiRepository} returns. Its {@link #name()} is the
 * project in normal form, its {@link #version()} the file's version in PEP 440 normal form.
 *
 * @param project the project
 * @param listing the file as the page lists it: name, SHA-256, size, upload time, yank
 */
public record DistributionRef(ProjectName project, ProjectFile listing) implements Entry {

  /** Rejects nulls and a file of another project. */
  public DistributionRef {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(listing, "listing");
    if (!listing.name().project().equals(project)) {
      throw new IllegalArgumentException(listing.fileName() + " is not a file of " + project);
    }
  }

  /** The entry for {@code listing}, of the project its file name names. */
  public static DistributionRef of(ProjectFile listing) {
    return new DistributionRef(listing.name().project(), listing);
  }

  /** The project's normal form, such as {@code foo-bar}. */
  @Override
  public String name() {
    return project.value();
  }

  /** The version in PEP 440 normal form, such as {@code 1.0rc1}. */
  @Override
  public String version() {
    return listing.version().toString();
  }

  /** The distribution file, beside its project's pages. */
  @Override
  public ObjectKey file() {
    return SimpleLayout.file(project, listing.fileName());
  }

  /** The file's name, such as {@code demo-1.0-py3-none-any.whl}. */
  public String fileName() {
    return listing.fileName();
  }

  /** {@code project fileName}, as {@code pinrepo pypi publish} prints it. */
  @Override
  public String toString() {
    return project + " " + listing.fileName();
  }
}
