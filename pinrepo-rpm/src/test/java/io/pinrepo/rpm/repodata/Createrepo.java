package io.pinrepo.rpm.repodata;

import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Runs the real createrepo_c on a directory and reads what it wrote. */
final class Createrepo {
  /** The revision and timestamps asked of createrepo_c, so that repomd.xml is reproducible. */
  static final long REVISION = 1_700_000_000L;

  private final Path root;
  private final Repomd repomd;

  private Createrepo(Path root, Repomd repomd) {
    this.root = root;
    this.repomd = repomd;
  }

  /** Runs createrepo_c (gzip, no sqlite databases) on {@code root}. */
  static Createrepo run(Path root) throws IOException {
    Programs.require("createrepo_c");
    Programs.run(
            root,
            Map.of("LC_ALL", "C.UTF-8"),
            List.of(
                "createrepo_c",
                "--quiet",
                "--no-database",
                "--revision",
                Long.toString(REVISION),
                "--set-timestamp-to-revision",
                root.toString()))
        .orFail();
    byte[] bytes = Files.readAllBytes(root.resolve("repodata/repomd.xml"));
    return new Createrepo(root, Repomd.parse("repomd.xml", bytes));
  }

  Repomd repomd() {
    return repomd;
  }

  byte[] repomdBytes() throws IOException {
    return Files.readAllBytes(root.resolve("repodata/repomd.xml"));
  }

  /** The uncompressed document of {@code type}. */
  byte[] document(String type) throws IOException {
    RepomdRecord record = repomd.record(type).orElseThrow();
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(root.resolve(record.location())))) {
      return in.readAllBytes();
    }
  }

  /** createrepo_c's entries, read back with {@link RepodataReader}. */
  List<PackageEntry> entries() throws IOException {
    return Repodata.read(document("primary"), document("filelists"), document("other"));
  }
}
