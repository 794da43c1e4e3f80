package io.pinrepo.rpm;

import io.pinrepo.hash.Digests;
import io.pinrepo.hash.MultiDigest;
import io.pinrepo.rpm.repodata.MetadataOutput;
import io.pinrepo.rpm.repodata.PackageEntry;
import io.pinrepo.rpm.repodata.RepodataWriter;
import io.pinrepo.rpm.repodata.RepomdRecord;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The three documents of a path after a {@link Plan}, written into temporary files in one streaming
 * pass: the entries listed now are copied from the current documents (never from the package
 * files), minus those dropped, merged with the additions. Memory stays constant. Closing deletes
 * the files.
 */
final class NewRepodata implements AutoCloseable {

  /**
   * One written document.
   *
   * @param record what repomd.xml says of it; its location is content-addressed
   * @param file the temporary file
   * @param digests its digests, for the upload
   */
  record Written(RepomdRecord record, Path file, Digests digests) {}

  private final List<Path> files;
  private final List<Written> written;

  private NewRepodata(List<Path> files, List<Written> written) {
    this.files = files;
    this.written = written;
  }

  /** Writes the documents {@code plan} makes of {@code state}: three reads of storage. */
  static NewRepodata write(PathState state, Plan plan, Settings settings) throws IOException {
    List<Path> files = new ArrayList<>();
    try {
      List<Written> written = new ArrayList<>();
      List<Hashing> sinks = new ArrayList<>();
      List<MetadataOutput> outs = new ArrayList<>();
      for (String type : PathState.TYPES) {
        Path file = Files.createTempFile("pinrepo-" + type + "-", ".tmp");
        files.add(file);
        Hashing sink = new Hashing(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        sinks.add(sink);
        outs.add(MetadataOutput.to(sink, type, settings.compression()));
      }
      try {
        merge(state, plan, outs);
        long time = settings.clock().instant().getEpochSecond();
        for (int i = 0; i < outs.size(); i++) {
          RepomdRecord record = outs.get(i).finish(time);
          sinks.get(i).close();
          written.add(new Written(record, files.get(i), sinks.get(i).digest.finish()));
        }
      } finally {
        for (Hashing sink : sinks) {
          sink.close();
        }
      }
      return new NewRepodata(files, List.copyOf(written));
    } catch (IOException | RuntimeException e) {
      delete(files, e);
      throw e;
    }
  }

  private static void merge(PathState state, Plan plan, List<MetadataOutput> outs)
      throws IOException {
    try (PathState.Entries listed = state.entries()) {
      RepodataWriter writer =
          RepodataWriter.start(outs.get(0), outs.get(1), outs.get(2), plan.packages());
      Iterator<PackageEntry> additions = plan.additions().iterator();
      PackageEntry next = additions.hasNext() ? additions.next() : null;
      int kept = 0;
      try {
        for (Optional<PackageEntry> e = listed.next(); e.isPresent(); e = listed.next()) {
          PackageEntry entry = e.get();
          if (plan.dropped().contains(entry.location())) {
            continue;
          }
          while (next != null && PackageEntry.ORDER.compare(next, entry) < 0) {
            writer.add(next);
            next = additions.hasNext() ? additions.next() : null;
          }
          writer.add(entry);
          kept++;
        }
        while (next != null) {
          writer.add(next);
          next = additions.hasNext() ? additions.next() : null;
        }
        writer.finish();
      } catch (IllegalStateException e) {
        throw new IOException(
            state.path().repodataPrefix()
                + ": cannot splice into the current repodata ("
                + e.getMessage()
                + "; "
                + kept
                + " listed packages kept so far)",
            e);
      }
    }
  }

  /** The documents, in the order primary, filelists, other. */
  List<Written> written() {
    return written;
  }

  @Override
  public void close() throws IOException {
    delete(files, null);
  }

  private static void delete(List<Path> files, Exception failure) throws IOException {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        if (failure == null) {
          throw e;
        }
        failure.addSuppressed(e);
      }
    }
  }

  /** Digests what passes into the file; closing closes it (once). */
  private static final class Hashing extends FilterOutputStream {
    private final MultiDigest digest = new MultiDigest();
    private boolean closed;

    Hashing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }
  }
}
