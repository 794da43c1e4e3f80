package io.pinrepo.rpm.repodata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@code primary.xml}, {@code filelists.xml} and {@code other.xml} together, one package at
 * a time, in constant memory: the bytes createrepo_c writes for the same packages. Packages must
 * come in {@link PackageEntry#ORDER} (strictly increasing) and their number must be known up front,
 * as each document's root element states it; a splice of new entries into an existing repository is
 * a merge of the entries {@link RepodataReader} reads back with the new ones.
 *
 * <p>The streams receive uncompressed XML (wrap them in a {@link MetadataOutput} to compress and
 * digest); the writer neither buffers beyond one package nor closes them. Not thread-safe.
 */
public final class RepodataWriter {
  private final OutputStream primary;
  private final OutputStream filelists;
  private final OutputStream other;
  private final int packages;
  private int written;
  private PackageEntry last;
  private boolean finished;

  private RepodataWriter(
      OutputStream primary, OutputStream filelists, OutputStream other, int packages) {
    this.primary = primary;
    this.filelists = filelists;
    this.other = other;
    this.packages = packages;
  }

  /**
   * Starts the three documents for {@code packages} packages.
   *
   * @throws IllegalArgumentException when {@code packages} is negative
   */
  public static RepodataWriter start(
      OutputStream primary, OutputStream filelists, OutputStream other, int packages)
      throws IOException {
    if (packages < 0) {
      throw new IllegalArgumentException("negative package count " + packages);
    }
    RepodataWriter writer =
        new RepodataWriter(
            Objects.requireNonNull(primary, "primary"),
            Objects.requireNonNull(filelists, "filelists"),
            Objects.requireNonNull(other, "other"),
            packages);
    writer.write(PrimaryXml.head(packages), FilelistsXml.head(packages), OtherXml.head(packages));
    return writer;
  }

  /**
   * Writes the three documents for {@code entries}, in {@link PackageEntry#ORDER}.
   *
   * @throws IllegalStateException when two entries have the same location
   */
  public static void writeAll(
      Collection<PackageEntry> entries,
      OutputStream primary,
      OutputStream filelists,
      OutputStream other)
      throws IOException {
    List<PackageEntry> sorted = new ArrayList<>(entries);
    sorted.sort(PackageEntry.ORDER);
    RepodataWriter writer = start(primary, filelists, other, sorted.size());
    for (PackageEntry entry : sorted) {
      writer.add(entry);
    }
    writer.finish();
  }

  /**
   * Writes one package into each document.
   *
   * @throws IllegalStateException when it does not come after the previous one in {@link
   *     PackageEntry#ORDER}, when more packages come than announced, or after {@link #finish}
   */
  public void add(PackageEntry entry) throws IOException {
    Objects.requireNonNull(entry, "entry");
    if (finished) {
      throw new IllegalStateException("already finished");
    }
    if (written == packages) {
      throw new IllegalStateException("more than the " + packages + " packages announced");
    }
    if (last != null && PackageEntry.ORDER.compare(last, entry) >= 0) {
      throw new IllegalStateException(entry.location() + " does not come after " + last.location());
    }
    write(PrimaryXml.entry(entry), FilelistsXml.entry(entry), OtherXml.entry(entry));
    last = entry;
    written++;
  }

  /**
   * Closes the root elements; does not close the streams.
   *
   * @throws IllegalStateException when fewer packages came than announced
   */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    if (written != packages) {
      throw new IllegalStateException(written + " of the " + packages + " packages announced");
    }
    write(PrimaryXml.tail(), FilelistsXml.tail(), OtherXml.tail());
    finished = true;
  }

  private void write(String p, String f, String o) throws IOException {
    primary.write(p.getBytes(StandardCharsets.UTF_8));
    filelists.write(f.getBytes(StandardCharsets.UTF_8));
    other.write(o.getBytes(StandardCharsets.UTF_8));
  }
}
