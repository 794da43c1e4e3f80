package io.pinrepo.rpm.header;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.rpm.version.Nevra;
import io.pinrepo.rpm.version.RpmVersion;
import java.util.ArrayList;
import java.util.List;

/** Turns a main header (and the signature header's sizes) into the values of an RpmPackage. */
final class PackageDecoder {
  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int RPMFILE_GHOST = 1 << 6;

  /** Name, flags and version tags of each dependency kind, in createrepo_c's order. */
  private static final int[][] DEPENDENCY_TAGS = {
    {Tags.PROVIDENAME, Tags.PROVIDEFLAGS, Tags.PROVIDEVERSION},
    {Tags.CONFLICTNAME, Tags.CONFLICTFLAGS, Tags.CONFLICTVERSION},
    {Tags.OBSOLETENAME, Tags.OBSOLETEFLAGS, Tags.OBSOLETEVERSION},
    {Tags.REQUIRENAME, Tags.REQUIREFLAGS, Tags.REQUIREVERSION},
    {Tags.SUGGESTNAME, Tags.SUGGESTFLAGS, Tags.SUGGESTVERSION},
    {Tags.ENHANCENAME, Tags.ENHANCEFLAGS, Tags.ENHANCEVERSION},
    {Tags.RECOMMENDNAME, Tags.RECOMMENDFLAGS, Tags.RECOMMENDVERSION},
    {Tags.SUPPLEMENTNAME, Tags.SUPPLEMENTFLAGS, Tags.SUPPLEMENTVERSION},
    {Tags.OLDSUGGESTSNAME, Tags.OLDSUGGESTSFLAGS, Tags.OLDSUGGESTSVERSION},
    {Tags.OLDENHANCESNAME, Tags.OLDENHANCESFLAGS, Tags.OLDENHANCESVERSION},
  };

  private final String source;
  private final HeaderBlob header;
  private final HeaderBlob signature;

  PackageDecoder(String source, HeaderBlob header, HeaderBlob signature) {
    this.source = source;
    this.header = header;
    this.signature = signature;
  }

  /**
   * Whether this is a source package: {@code SOURCEPACKAGE} says so, or (as rpm retrofits old
   * packages) neither it nor {@code SOURCERPM} is present and every file lies in no directory.
   */
  boolean sourcePackage() throws MalformedPackageException {
    if (header.has(Tags.SOURCEPACKAGE)) {
      return header.number(Tags.SOURCEPACKAGE, 0) != 0;
    }
    if (header.has(Tags.SOURCERPM)) {
      return false;
    }
    List<String> dirs = header.strings(Tags.DIRNAMES);
    return dirs.size() == 1 && dirs.get(0).isEmpty();
  }

  Nevra nevra() throws MalformedPackageException {
    String name = header.string(Tags.NAME);
    String version = header.string(Tags.VERSION);
    String release = header.string(Tags.RELEASE);
    String arch = sourcePackage() ? "src" : header.string(Tags.ARCH);
    long epoch = header.number(Tags.EPOCH, 0);
    try {
      return new Nevra(name, new RpmVersion(epoch, version, release), arch);
    } catch (IllegalArgumentException e) {
      throw new MalformedPackageException(
          source, "bad name, epoch, version, release or arch: " + e.getMessage(), e);
    }
  }

  PackageInfo info() throws MalformedPackageException {
    long installed =
        header.has(Tags.LONGSIZE) ? header.number(Tags.LONGSIZE, 0) : header.number(Tags.SIZE, 0);
    return new PackageInfo(
        header.string(Tags.SUMMARY),
        header.string(Tags.DESCRIPTION),
        header.string(Tags.URL),
        header.string(Tags.LICENSE),
        header.string(Tags.VENDOR),
        header.string(Tags.GROUP),
        header.string(Tags.BUILDHOST),
        header.number(Tags.BUILDTIME, 0),
        header.string(Tags.PACKAGER),
        header.string(Tags.SOURCERPM),
        Math.max(0, installed),
        Math.max(0, archiveSize()));
  }

  /** As rpm merges the signature into the header: 64-bit size first, then the 32-bit one. */
  private long archiveSize() throws MalformedPackageException {
    if (signature.has(Tags.SIG_LONGARCHIVESIZE)) {
      return signature.number(Tags.SIG_LONGARCHIVESIZE, 0);
    }
    if (header.has(Tags.SIG_LONGARCHIVESIZE)) {
      return header.number(Tags.SIG_LONGARCHIVESIZE, 0);
    }
    if (signature.has(Tags.SIG_PAYLOADSIZE)) {
      return signature.number(Tags.SIG_PAYLOADSIZE, 0);
    }
    return header.number(Tags.ARCHIVESIZE, 0);
  }

  List<Dependency> dependencies() throws MalformedPackageException {
    List<Dependency> all = new ArrayList<>();
    DependencyKind[] kinds = DependencyKind.values();
    for (int k = 0; k < DEPENDENCY_TAGS.length; k++) {
      int[] tags = DEPENDENCY_TAGS[k];
      List<String> names = header.strings(tags[0]);
      long[] flags = header.numbers(tags[1]);
      List<String> versions = header.strings(tags[2]);
      checkOptionalCount(tags[1], flags.length, tags[0], names.size());
      checkOptionalCount(tags[2], versions.size(), tags[0], names.size());
      for (int i = 0; i < names.size(); i++) {
        int f = flags.length == 0 ? 0 : (int) flags[i];
        DependencyKind kind = k < kinds.length ? kinds[k] : legacyKind(tags[0], f);
        all.add(new Dependency(kind, names.get(i), f, versions.isEmpty() ? "" : versions.get(i)));
      }
    }
    return all;
  }

  /** The legacy weak dependency tags tell strong from weak by a flag. */
  private static DependencyKind legacyKind(int nameTag, int flags) {
    boolean strong = (flags & Dependency.STRONG) != 0;
    if (nameTag == Tags.OLDSUGGESTSNAME) {
      return strong ? DependencyKind.RECOMMENDS : DependencyKind.SUGGESTS;
    }
    return strong ? DependencyKind.SUPPLEMENTS : DependencyKind.ENHANCES;
  }

  List<PackageFile> files() throws MalformedPackageException {
    List<String> dirs = header.strings(Tags.DIRNAMES);
    List<String> bases = header.strings(Tags.BASENAMES);
    long[] indexes = header.numbers(Tags.DIRINDEXES);
    List<String> paths = new ArrayList<>(bases.size());
    if (bases.isEmpty() && header.has(Tags.OLDFILENAMES)) {
      paths.addAll(header.strings(Tags.OLDFILENAMES));
    } else {
      checkCount(Tags.DIRINDEXES, indexes.length, Tags.BASENAMES, bases.size());
      for (int i = 0; i < bases.size(); i++) {
        if (indexes[i] >= dirs.size()) {
          throw header.bad(Tags.DIRINDEXES, "names directory " + indexes[i] + " of " + dirs.size());
        }
        paths.add(dirs.get((int) indexes[i]) + bases.get(i));
      }
    }
    if (paths.isEmpty()) {
      return List.of();
    }
    long[] modes = header.numbers(Tags.FILEMODES);
    long[] fileFlags = header.numbers(Tags.FILEFLAGS);
    checkCount(Tags.FILEMODES, modes.length, Tags.BASENAMES, paths.size());
    checkCount(Tags.FILEFLAGS, fileFlags.length, Tags.BASENAMES, paths.size());
    List<PackageFile> files = new ArrayList<>(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      FileKind kind =
          (modes[i] & S_IFMT) == S_IFDIR
              ? FileKind.DIR
              : (fileFlags[i] & RPMFILE_GHOST) != 0 ? FileKind.GHOST : FileKind.FILE;
      files.add(new PackageFile(paths.get(i), kind));
    }
    return files;
  }

  List<ChangelogEntry> changelogs() throws MalformedPackageException {
    long[] times = header.numbers(Tags.CHANGELOGTIME);
    List<String> names = header.strings(Tags.CHANGELOGNAME);
    List<String> texts = header.strings(Tags.CHANGELOGTEXT);
    checkCount(Tags.CHANGELOGNAME, names.size(), Tags.CHANGELOGTIME, times.length);
    checkCount(Tags.CHANGELOGTEXT, texts.size(), Tags.CHANGELOGTIME, times.length);
    List<ChangelogEntry> entries = new ArrayList<>(times.length);
    for (int i = 0; i < times.length; i++) {
      entries.add(new ChangelogEntry(times[i], names.get(i), texts.get(i)));
    }
    return entries;
  }

  /** A parallel tag must have as many values as the one it goes with. */
  private void checkCount(int tag, int count, int withTag, int expected)
      throws MalformedPackageException {
    if (count != expected) {
      throw header.bad(tag, "has " + count + " values but tag " + withTag + " has " + expected);
    }
  }

  /** As {@link #checkCount}, but the tag may also be absent (as in very old headers). */
  private void checkOptionalCount(int tag, int count, int withTag, int expected)
      throws MalformedPackageException {
    if (header.has(tag)) {
      checkCount(tag, count, withTag, expected);
    }
  }
}
