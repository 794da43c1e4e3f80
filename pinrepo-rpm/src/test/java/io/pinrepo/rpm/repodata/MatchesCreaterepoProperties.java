package io.pinrepo.rpm.repodata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.rpm.header.RpmReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Generated packages (RpmBuilder) with awkward text, every kind of dependency and flag, file kinds,
 * and changelogs with repeated times: the repodata written for them is byte for byte what the real
 * createrepo_c writes.
 */
class MatchesCreaterepoProperties {
  private static final long MTIME = 1_750_000_000L;
  private static final List<String> TOKENS =
      List.of(
          "a", "Z", "0", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "é", "中", "😀", "x-y");
  private static final List<String> DEPENDENCY_NAMES =
      List.of(
          "pin-a",
          "pin-b",
          "rpmlib(Foo)",
          "/etc/conf",
          "/usr/bin/tool",
          "/usr/share/p/x",
          "libc.so.6",
          "libc.so.6()(64bit)",
          "libc.so.6(GLIBC_2.4)(64bit)",
          "libc.so.6(GLIBC_2.17)(64bit)",
          "libc.so.6(GLIBC_2.3.4)(64bit)",
          "a&b<c>\"é");
  private static final List<Integer> FLAGS =
      List.of(
          0,
          2,
          4,
          8,
          10,
          12,
          14,
          8 | 512,
          1024,
          64,
          1 << 19,
          (1 << 19) | 12,
          256 | 512,
          2048,
          (1 << 24) | 10,
          1 << 27);
  private static final List<String> VERSIONS =
      List.of("", "1.0", "1.0-1", "2:3.0-1", "a:1", ":3", "1.0-", " 1:2", "+1:2", "0:0", "1-2-3");
  private static final List<String> DIRS =
      List.of("/etc/", "/usr/bin/", "/opt/robin/", "/usr/share/p/", "/var/lib/x/", "/usr/lib/");
  private static final List<String> BASES =
      List.of("conf", "tool", "a&b <c>.txt", "é", "sendmail", "x", "bin");

  record Dep(RpmBuilder.Relation relation, String name, int flags, String version) {}

  record FileDef(String path, int kind) {}

  record Change(long time, String author, String text) {}

  record Spec(
      String version,
      String release,
      long epoch,
      String arch,
      boolean source,
      List<String> texts,
      List<Dep> deps,
      List<FileDef> files,
      List<Change> changes) {}

  private Path root;

  @BeforeProperty
  void createRoot() throws IOException {
    root = Files.createTempDirectory("pinrepo-differential");
  }

  @AfterProperty
  void deleteRoot() throws IOException {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 20)
  void repodataIsByteForByteWhatCreaterepoWrites(@ForAll("specs") List<Spec> specs)
      throws IOException {
    Path repo = Files.createDirectories(root.resolve("repo-" + System.nanoTime()));
    List<PackageEntry> ours = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Path file = build("pin-gen" + i, specs.get(i)).writeTo(repo);
      Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(MTIME)));
      String location = file.getFileName().toString();
      ours.add(PackageEntry.of(new RpmReader().read(file), location, MTIME));
    }
    Createrepo theirs = Createrepo.run(repo);
    Repodata mine = Repodata.write(ours);
    assertEquals(new String(theirs.document("primary"), UTF_8), new String(mine.primary(), UTF_8));
    assertEquals(
        new String(theirs.document("filelists"), UTF_8), new String(mine.filelists(), UTF_8));
    assertEquals(new String(theirs.document("other"), UTF_8), new String(mine.other(), UTF_8));
    assertEquals(ours, Repodata.read(mine.primary(), mine.filelists(), mine.other()));
  }

  private static RpmBuilder build(String name, Spec s) {
    RpmBuilder b = RpmBuilder.of(name, s.version(), s.release(), s.arch());
    if (s.epoch() >= 0) {
      b.epoch(s.epoch());
    }
    if (s.source()) {
      b.sourcePackage();
    }
    List<String> t = s.texts();
    b.summary(t.get(0))
        .description(t.get(1))
        .about(t.get(2), t.get(3), t.get(4), t.get(5), t.get(6));
    for (Dep d : s.deps()) {
      b.dependency(d.relation(), d.name(), d.flags(), d.version());
    }
    Map<String, FileDef> unique = new LinkedHashMap<>();
    for (FileDef f : s.files()) {
      String path = s.source() ? f.path().substring(f.path().lastIndexOf('/') + 1) : f.path();
      unique.putIfAbsent(path, f);
    }
    unique.forEach(
        (path, f) -> {
          switch (f.kind()) {
            case 0 -> b.file(path, path.getBytes(UTF_8));
            case 1 -> b.directory(path);
            case 2 -> b.ghost(path);
            default -> b.symlink(path, "target");
          }
        });
    for (Change c : s.changes()) {
      b.changelog(Instant.ofEpochSecond(c.time()), c.author(), c.text());
    }
    return b;
  }

  @Provide
  Arbitrary<List<Spec>> specs() {
    Arbitrary<String> text =
        Arbitraries.of(TOKENS).list().ofMaxSize(8).map(l -> String.join("", l));
    Arbitrary<String> version =
        Arbitraries.strings().withChars("0123456789az.~^_+").ofMinLength(1).ofMaxLength(8);
    Arbitrary<Dep> dep =
        Combinators.combine(
                Arbitraries.of(RpmBuilder.Relation.class),
                Arbitraries.of(DEPENDENCY_NAMES),
                Arbitraries.of(FLAGS),
                Arbitraries.of(VERSIONS))
            .as(Dep::new);
    Arbitrary<FileDef> file =
        Combinators.combine(
                Arbitraries.of(DIRS), Arbitraries.of(BASES), Arbitraries.integers().between(0, 3))
            .as((d, n, k) -> new FileDef(d + n, k));
    Arbitrary<Change> change =
        Combinators.combine(
                Arbitraries.of(0L, 1_704_110_400L, 1_704_110_400L, 1_704_196_800L, 3_000_000_000L),
                text.filter(a -> !a.isEmpty()).map(a -> a + (a.length() % 2 == 0 ? "  " : "")),
                text)
            .as(Change::new);
    Arbitrary<Spec> spec =
        Combinators.combine(
                version,
                version,
                Arbitraries.longs().between(-1, 3),
                Arbitraries.of("noarch", "x86_64", "aarch64"),
                Arbitraries.integers().between(0, 9).map(i -> i == 0),
                text.list().ofSize(7),
                dep.list().ofMaxSize(12),
                file.list().ofMaxSize(10))
            .flatAs(
                (v, r, e, a, src, texts, deps, files) ->
                    change
                        .list()
                        .ofMaxSize(13)
                        .map(cs -> new Spec(v, r, e, a, src, texts, deps, files, cs)));
    return spec.list().ofMinSize(1).ofMaxSize(6);
  }
}
