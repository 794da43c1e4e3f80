package io.pinrepo.rpm.header;

import io.pinrepo.hash.Digests;
import io.pinrepo.rpm.version.Nevra;
import java.util.List;
import java.util.Objects;

/**
 * What an RPM file is, as {@link RpmReader} read it: identity, description, relations, files,
 * changelog, where its header lies and the digests of the whole file.
 *
 * @param nevra name, epoch-version-release and architecture ({@code src} for a source package)
 * @param sourcePackage whether it is a source package ({@code .src.rpm})
 * @param info summary, description, license, sizes...
 * @param dependencies every relation, in the order createrepo_c reads them: by {@link
 *     DependencyKind} in that enum's order, each kind in header order, then those of the legacy
 *     weak-dependency tags (suggests/enhances, with a flag for recommends/supplements)
 * @param files every file, in header order (sorted by path)
 * @param changelogs the changelog, newest first, as the header stores it
 * @param headerRange the byte range of the main header in the file
 * @param digests size and digests of the whole file
 */
public record RpmPackage(
    Nevra nevra,
    boolean sourcePackage,
    PackageInfo info,
    List<Dependency> dependencies,
    List<PackageFile> files,
    List<ChangelogEntry> changelogs,
    HeaderRange headerRange,
    Digests digests) {

  /** Copies the lists and checks for null. */
  public RpmPackage {
    Objects.requireNonNull(nevra, "nevra");
    Objects.requireNonNull(info, "info");
    dependencies = List.copyOf(dependencies);
    files = List.copyOf(files);
    changelogs = List.copyOf(changelogs);
    Objects.requireNonNull(headerRange, "headerRange");
    Objects.requireNonNull(digests, "digests");
  }

  /** The relations of one kind, in header order. */
  public List<Dependency> dependencies(DependencyKind kind) {
    return dependencies.stream().filter(d -> d.kind() == kind).toList();
  }
}
