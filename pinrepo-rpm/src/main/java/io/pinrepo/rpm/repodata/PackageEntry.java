package io.pinrepo.rpm.repodata;

import io.pinrepo.rpm.header.ChangelogEntry;
import io.pinrepo.rpm.header.DependencyKind;
import io.pinrepo.rpm.header.HeaderRange;
import io.pinrepo.rpm.header.PackageFile;
import io.pinrepo.rpm.header.PackageInfo;
import io.pinrepo.rpm.header.RpmPackage;
import io.pinrepo.rpm.version.Nevra;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything repodata says about one package: its {@code <package>} elements in {@code
 * primary.xml}, {@code filelists.xml} and {@code other.xml}. It is made once from the package file
 * ({@link #of}) and thereafter read back from the repodata ({@link RepodataReader}), so adding a
 * package to a repository never needs the other package files: the entries already published are
 * copied from the current repodata.
 *
 * @param pkgId the SHA-256 of the package file, lower-case hex
 * @param nevra name, epoch-version-release, arch
 * @param info summary, description, packager, url, license, vendor, group, build host, source
 *     package, build time, installed and archive sizes
 * @param fileTime the file's time ({@code time file}), in seconds since the epoch
 * @param packageSize the file's size in bytes
 * @param location where the file is, relative to the repository root ({@code location href})
 * @param headerRange where the header lies in the file
 * @param dependencies the relations, as {@code primary.xml} lists them (filtered as createrepo_c
 *     filters them); kept grouped by kind in {@link DependencyKind}'s order, each kind in the given
 *     order
 * @param files every file ({@code filelists.xml}); {@code primary.xml} lists those {@link
 *     #isPrimaryFile} selects
 * @param changelogs the changelog as {@code other.xml} lists it: oldest first, at most {@link
 *     #CHANGELOG_LIMIT} entries
 */
public record PackageEntry(
    String pkgId,
    Nevra nevra,
    PackageInfo info,
    long fileTime,
    long packageSize,
    String location,
    HeaderRange headerRange,
    List<DependencyEntry> dependencies,
    List<PackageFile> files,
    List<ChangelogEntry> changelogs) {

  /** How many changelog entries {@link #of} keeps, as createrepo_c does by default. */
  public static final int CHANGELOG_LIMIT = 10;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /**
   * The order of packages in every repodata document, as createrepo_c writes them: by file name,
   * then by location, comparing Unicode code points.
   */
  public static final Comparator<PackageEntry> ORDER =
      Comparator.comparing((PackageEntry e) -> fileName(e.location()), PackageEntry::compareText)
          .thenComparing(PackageEntry::location, PackageEntry::compareText);

  /** Checks each part and copies the lists. */
  public PackageEntry {
    checkPkgId(pkgId);
    Objects.requireNonNull(nevra, "nevra");
    Objects.requireNonNull(info, "info");
    if (fileTime < 0 || packageSize < 0) {
      throw new IllegalArgumentException("negative time or size: " + fileTime + ", " + packageSize);
    }
    checkLocation(location);
    Objects.requireNonNull(headerRange, "headerRange");
    dependencies =
        dependencies.stream()
            .sorted(Comparator.comparing(DependencyEntry::kind))
            .collect(java.util.stream.Collectors.toUnmodifiableList());
    files = List.copyOf(files);
    changelogs = List.copyOf(changelogs);
  }

  /**
   * The entry createrepo_c would write for {@code pkg} at {@code location}: requirements without
   * {@code rpmlib(...)}, without what the package provides itself, without its own primary files,
   * without consecutive duplicates, only the highest {@code libc.so.6} one; legacy weak
   * requirements ({@code MISSINGOK}) as recommends; the newest {@link #CHANGELOG_LIMIT} changelog
   * entries, oldest first, same-day entries a second apart.
   *
   * @param fileTime the time to record for the file, in seconds since the epoch (createrepo_c
   *     records its modification time)
   */
  public static PackageEntry of(RpmPackage pkg, String location, long fileTime) {
    return new PackageEntry(
        pkg.digests().sha256(),
        pkg.nevra(),
        pkg.info(),
        fileTime,
        pkg.digests().size(),
        location,
        pkg.headerRange(),
        EntryDependencies.of(pkg),
        pkg.files(),
        EntryChangelogs.of(pkg.changelogs(), CHANGELOG_LIMIT));
  }

  /** The relations of one kind, in order. */
  public List<DependencyEntry> dependencies(DependencyKind kind) {
    return dependencies.stream().filter(d -> d.kind() == kind).toList();
  }

  /** The files {@code primary.xml} lists. */
  public List<PackageFile> primaryFiles() {
    return files.stream().filter(f -> isPrimaryFile(f.path())).toList();
  }

  /**
   * Whether {@code primary.xml} lists a file: anything under {@code /etc/}, anything with {@code
   * bin/} in its path, and {@code /usr/lib/sendmail} (the rule every createrepo has used, which dnf
   * relies on to resolve file requirements from primary alone).
   */
  public static boolean isPrimaryFile(String path) {
    return path.startsWith("/etc/") || path.contains("bin/") || path.equals("/usr/lib/sendmail");
  }

  private static String fileName(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static int compareText(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  static void checkPkgId(String pkgId) {
    if (!SHA256.matcher(Objects.requireNonNull(pkgId, "pkgId")).matches()) {
      throw new IllegalArgumentException("not a lower-case SHA-256: '" + pkgId + "'");
    }
  }

  static void checkLocation(String location) {
    Objects.requireNonNull(location, "location");
    boolean bad = location.isEmpty() || location.startsWith("/") || location.endsWith("/");
    for (String segment : location.split("/", -1)) {
      bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
    }
    bad |= location.chars().anyMatch(c -> c < 0x20 || c == '\\' || c == 0x7F);
    if (bad) {
      throw new IllegalArgumentException("not a safe relative location: '" + location + "'");
    }
  }
}
