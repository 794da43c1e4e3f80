package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.commit.Top;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.PluginEntry;
import io.pinrepo.maven.metadata.PrefixFile;
import io.pinrepo.maven.metadata.Snapshot;
import io.pinrepo.maven.metadata.SnapshotBuild;
import io.pinrepo.maven.metadata.SnapshotVersion;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One verification of a Maven repository, driven by its metadata: every {@code maven-metadata.xml}
 * parses and matches its sidecars; every release version an artifact lists has its POM, and every
 * file of its directory matches its sidecars (and signature); every snapshot version listed has
 * version-level metadata whose named files exist and match; plugin entries name artifacts that
 * exist; the prefix file covers every groupId. Files that no metadata reaches (a deploy in flight
 * or crashed, builds awaiting GC) are not checked: clients never fetch them.
 */
final class MavenVerifier {
  private final Storage storage;
  private final VerifyContext context;
  private final Consumer<Problem> problems;
  private final RepositoryScan scan;
  private final FileCheck files;
  private final SortedSet<String> groupDirs = new TreeSet<>();

  MavenVerifier(Storage storage, VerifyContext context, Consumer<Problem> problems)
      throws IOException {
    this.storage = storage;
    this.context = context;
    this.problems = problems;
    this.scan = RepositoryScan.of(storage);
    this.files = new FileCheck(storage, problems);
  }

  void run() throws IOException {
    for (ObjectKey key : scan.metadataFiles()) {
      Optional<MavenMetadata> read = metadata(key);
      if (read.isEmpty()) {
        continue;
      }
      MavenMetadata m = read.get();
      String dir = parent(key.value());
      if (!m.versioning().versions().isEmpty()) {
        artifact(dir, key, m);
      }
      if (dir.endsWith("-SNAPSHOT") && m.buildNumber() > 0) {
        snapshot(dir, key, m);
      }
      for (PluginEntry p : m.plugins()) {
        plugin(dir, key, p);
      }
    }
    prefixFile();
  }

  /** Reads, checks the sidecars of and parses one metadata file; empty when it is unusable. */
  private Optional<MavenMetadata> metadata(ObjectKey key) throws IOException {
    Top top = Top.read(storage, key, Sidecars.MAX_TOP_BYTES);
    if (!top.exists()) {
      return Optional.empty();
    }
    byte[] bytes = top.bytes();
    if (!context.derivedMayLag()) {
      files.sidecars(key, Digests.of(bytes));
    }
    try {
      return Optional.of(MavenMetadata.parse(key.value(), bytes));
    } catch (MalformedPackageException e) {
      problems.accept(problem(key, "unreadable: " + FileCheck.oneLine(e)));
      return Optional.empty();
    }
  }

  private void artifact(String dir, ObjectKey key, MavenMetadata m) throws IOException {
    String expected = Layout.groupPath(m.groupId()) + "/" + m.artifactId();
    if (!dir.equals(expected)) {
      problems.accept(problem(key, "names " + m.groupId() + ":" + m.artifactId() + ", not " + dir));
    }
    groupDirs.add(parent(dir));
    String artifactId = name(dir);
    for (String version : m.versioning().versions()) {
      Optional<ObjectKey> versionDir = key(dir + "/" + version);
      if (versionDir.isEmpty()) {
        problems.accept(problem(key, "lists an impossible version '" + version + "'"));
      } else if (version.endsWith("-SNAPSHOT")) {
        ObjectKey snapshotMetadata = versionDir.get().resolve(Layout.METADATA);
        if (!scan.exists(snapshotMetadata)) {
          problems.accept(problem(snapshotMetadata, "missing, but " + key + " lists " + version));
        }
      } else {
        ObjectKey pom = versionDir.get().resolve(artifactId + "-" + version + ".pom");
        if (!scan.exists(pom)) {
          problems.accept(problem(pom, "missing, but " + key + " lists " + version));
        }
        release(versionDir.get().value());
      }
    }
  }

  /** Checks every file of a release version's directory. */
  private void release(String dir) throws IOException {
    List<ObjectKey> artifacts = new ArrayList<>();
    for (ObjectKey file : scan.directory(dir)) {
      String name = file.fileName();
      if (isSidecar(name) || name.endsWith(".asc")) {
        continue; // checked with the file they belong to
      }
      if (name.startsWith("maven-metadata")) {
        if (!context.derivedMayLag()) {
          files.content(file, Optional.empty());
        }
      } else {
        artifacts.add(file);
      }
    }
    checkFiles(artifacts, dir);
  }

  private void snapshot(String dir, ObjectKey key, MavenMetadata m) throws IOException {
    String version = name(dir);
    String artifactId = name(parent(dir));
    String expected = Layout.groupPath(m.groupId()) + "/" + m.artifactId() + "/" + m.version();
    if (!dir.equals(expected)) {
      problems.accept(
          problem(
              key,
              "names " + m.groupId() + ":" + m.artifactId() + ":" + m.version() + ", not " + dir));
    }
    Map<String, List<ObjectKey>> builds = new LinkedHashMap<>();
    Map<String, String> named = namedFiles(artifactId, version, m);
    for (Map.Entry<String, String> each : named.entrySet()) {
      Optional<ObjectKey> file = key(dir + "/" + each.getKey());
      if (file.isEmpty() || !scan.exists(file.get())) {
        problems.accept(problem(file.orElse(key), "missing, but named by " + key));
      } else {
        builds.computeIfAbsent(each.getValue(), b -> new ArrayList<>()).add(file.get());
      }
    }
    boolean pom =
        named.keySet().stream().anyMatch(n -> n.equals(pomName(artifactId, named.get(n))));
    if (!pom) {
      problems.accept(problem(key, "names no POM for " + version));
    }
    for (Map.Entry<String, List<ObjectKey>> build : builds.entrySet()) {
      checkFiles(build.getValue(), dir + " build " + build.getKey());
    }
  }

  /**
   * The file names a snapshot version's metadata names, each with its build's file version. Old
   * metadata (model 1.0, no {@code snapshotVersions}) names only the newest build's POM for sure.
   */
  private static Map<String, String> namedFiles(
      String artifactId, String version, MavenMetadata m) {
    Map<String, String> named = new LinkedHashMap<>();
    if (m.versioning().snapshotVersions().isEmpty()) {
      Snapshot newest = m.versioning().snapshot();
      String value =
          new SnapshotBuild(newest.timestamp(), newest.buildNumber()).fileVersion(version);
      named.put(pomName(artifactId, value), value);
    }
    for (SnapshotVersion v : m.versioning().snapshotVersions()) {
      String classifier = v.classifier().isEmpty() ? "" : "-" + v.classifier();
      named.put(artifactId + "-" + v.value() + classifier + "." + v.extension(), v.value());
    }
    return named;
  }

  private static String pomName(String artifactId, String fileVersion) {
    return artifactId + "-" + fileVersion + ".pom";
  }

  /**
   * Checks artifacts and POMs with their sidecars and signatures. Within one release or build,
   * either every file is signed or none is; with trusted keys given, every file must be.
   */
  private void checkFiles(List<ObjectKey> artifacts, String what) throws IOException {
    List<ObjectKey> unsigned = new ArrayList<>();
    Optional<SignatureChecker> checker = context.signatures();
    for (ObjectKey file : artifacts) {
      ObjectKey asc = FileUploads.signatureKey(file);
      boolean signed = scan.exists(asc); // or written since the listing, with the metadata
      files.content(file, signed ? checker : Optional.empty());
      if (signed) {
        files.content(asc, Optional.empty());
      } else {
        unsigned.add(file);
      }
    }
    if (unsigned.isEmpty()) {
      return;
    }
    if (unsigned.size() < artifacts.size()) {
      for (ObjectKey file : unsigned) {
        problems.accept(
            problem(
                FileUploads.signatureKey(file),
                "missing, while other files of " + what + " are signed"));
      }
    } else if (checker.isPresent()) {
      problems.accept(
          problem(
              unsigned.get(0),
              "not signed: no .asc beside any file of " + what + ", but trusted keys were given"));
    }
  }

  private void plugin(String dir, ObjectKey key, PluginEntry p) throws IOException {
    Optional<ObjectKey> ga = key(dir + "/" + p.artifactId() + "/" + Layout.METADATA);
    if (ga.isEmpty() || !scan.exists(ga.get())) {
      problems.accept(
          problem(
              key,
              "plugin prefix '"
                  + p.prefix()
                  + "' names "
                  + p.artifactId()
                  + ", which has no "
                  + Layout.METADATA));
    }
  }

  private void prefixFile() throws IOException {
    ObjectKey key = Layout.PREFIX_FILE;
    Top top = Top.read(storage, key, Sidecars.MAX_TOP_BYTES);
    if (!top.exists()) {
      return;
    }
    if (!context.derivedMayLag()) {
      files.sidecars(key, Digests.of(top.bytes()));
    }
    PrefixFile prefixes;
    try {
      prefixes = PrefixFile.parse(key.value(), top.bytes());
    } catch (MalformedPackageException e) {
      problems.accept(problem(key, "unreadable: " + FileCheck.oneLine(e)));
      return;
    }
    for (String group : groupDirs) {
      if (!prefixes.covers("/" + group)) {
        problems.accept(
            problem(key, "does not cover /" + group + ", so Maven 4 will not look there"));
      }
    }
  }

  static boolean isSidecar(String name) {
    return name.endsWith(".md5")
        || name.endsWith(".sha1")
        || name.endsWith(".sha256")
        || name.endsWith(".sha512");
  }

  private static Optional<ObjectKey> key(String value) {
    try {
      return Optional.of(ObjectKey.of(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String parent(String path) {
    return path.substring(0, Math.max(0, path.lastIndexOf('/')));
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static Problem problem(ObjectKey key, String description) {
    return new Problem(MavenFormat.NAME, key, description);
  }
}
