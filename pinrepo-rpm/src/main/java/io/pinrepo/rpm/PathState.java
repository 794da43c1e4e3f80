package io.pinrepo.rpm;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.commit.ObjectVersions;
import io.pinrepo.commit.Top;
import io.pinrepo.rpm.repodata.PackageEntry;
import io.pinrepo.rpm.repodata.PackageSummary;
import io.pinrepo.rpm.repodata.PrimaryReader;
import io.pinrepo.rpm.repodata.RepodataReader;
import io.pinrepo.rpm.repodata.Repomd;
import io.pinrepo.rpm.repodata.RepomdRecord;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One repository path as a commit attempt reads it: {@code repomd.xml.asc} (read first, so that its
 * version is what a signature written after the commit is conditioned on), then {@code repomd.xml}
 * and its version, then, on demand, the documents it names, streamed and checked against it. A path
 * never published reads as empty.
 */
final class PathState {
  /** The documents every repository has, in the order repomd.xml lists them. */
  static final List<String> TYPES = List.of("primary", "filelists", "other");

  private final Storage storage;
  private final Settings settings;
  private final RepoPath path;
  private final Optional<Signature> signature;
  private final Top top;
  private final Optional<Repomd> repomd;

  /**
   * {@code repomd.xml.asc} as read: its version and bytes.
   *
   * @param token its version token
   * @param bytes its content
   */
  record Signature(String token, byte[] bytes) {}

  private PathState(
      Storage storage,
      Settings settings,
      RepoPath path,
      Optional<Signature> signature,
      Top top,
      Optional<Repomd> repomd) {
    this.storage = storage;
    this.settings = settings;
    this.path = path;
    this.signature = signature;
    this.top = top;
    this.repomd = repomd;
  }

  /**
   * Reads the signature and then the top of {@code path}: two reads.
   *
   * @throws MalformedPackageException when repomd.xml is not one, or lacks a primary, filelists or
   *     other document
   */
  static PathState read(Storage storage, Settings settings, RepoPath path) throws IOException {
    Optional<Signature> signature = signature(storage, path);
    Top top = Top.read(storage, path.repomd(), Settings.MAX_SMALL_FILE);
    Optional<Repomd> repomd = Optional.empty();
    if (top.exists()) {
      Repomd parsed = Repomd.parse(path.repomd().value(), top.bytes());
      for (String type : TYPES) {
        if (parsed.record(type).isEmpty()) {
          throw new MalformedPackageException(path.repomd().value(), "lists no " + type + " data");
        }
      }
      repomd = Optional.of(parsed);
    }
    return new PathState(storage, settings, path, signature, top, repomd);
  }

  private static Optional<Signature> signature(Storage storage, RepoPath path) throws IOException {
    try (ObjectStream in = storage.read(path.signature())) {
      byte[] bytes = in.readNBytes(Settings.MAX_SMALL_FILE);
      return Optional.of(new Signature(in.info().versionToken(), bytes));
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  RepoPath path() {
    return path;
  }

  Top top() {
    return top;
  }

  Optional<Repomd> repomd() {
    return repomd;
  }

  Optional<Signature> signature() {
    return signature;
  }

  /** The signature's version as read before the top, for writing it after a commit. */
  ObjectVersions signatureVersion() {
    return new ObjectVersions(Map.of(path.signature(), signature.map(Signature::token)));
  }

  /** The record of {@code type}; present for the three {@link #TYPES} of an existing path. */
  Optional<RepomdRecord> record(String type) {
    return repomd.flatMap(r -> r.record(type));
  }

  /** What a consumer of listed packages does with each; may throw. */
  @FunctionalInterface
  interface SummaryConsumer {
    void accept(PackageSummary summary) throws IOException;
  }

  /** Streams every package {@code primary.xml} lists (one read); nothing for a new path. */
  void summaries(SummaryConsumer consumer) throws IOException {
    if (repomd.isEmpty()) {
      return;
    }
    try (Document primary = open("primary")) {
      PrimaryReader reader = PrimaryReader.open(source("primary"), primary.content());
      for (var s = reader.next(); s.isPresent(); s = reader.next()) {
        consumer.accept(s.get());
      }
      primary.finish();
    }
  }

  /** The full entries of the three documents, read in step (three reads). */
  Entries entries() throws IOException {
    return new Entries();
  }

  private Document open(String type) throws IOException {
    return Document.open(storage, path, record(type).orElseThrow(), settings.maxMetadataBytes());
  }

  private String source(String type) {
    return path.key(record(type).orElseThrow().location()).value();
  }

  /** The listed packages in full, in {@link PackageEntry#ORDER}. Closing closes the documents. */
  final class Entries implements AutoCloseable {
    private final Document[] documents = new Document[TYPES.size()];
    private final RepodataReader reader;

    private Entries() throws IOException {
      if (repomd.isEmpty()) {
        reader = null;
        return;
      }
      try {
        for (int i = 0; i < documents.length; i++) {
          documents[i] = open(TYPES.get(i));
        }
        reader =
            RepodataReader.open(
                path.key(RepoPath.REPODATA).value(),
                documents[0].content(),
                documents[1].content(),
                documents[2].content());
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    /** The number of packages listed. */
    int packages() {
      return reader == null ? 0 : reader.packages();
    }

    /** The next entry; empty after the last, once every document checked against repomd.xml. */
    Optional<PackageEntry> next() throws IOException {
      if (reader == null) {
        return Optional.empty();
      }
      Optional<PackageEntry> next = reader.next();
      if (next.isEmpty()) {
        for (Document d : documents) {
          d.finish();
        }
      }
      return next;
    }

    @Override
    public void close() throws IOException {
      IOException failure = null;
      for (Document d : documents) {
        if (d != null) {
          try {
            d.close();
          } catch (IOException e) {
            if (failure == null) {
              failure = e;
            } else {
              failure.addSuppressed(e);
            }
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }
}
