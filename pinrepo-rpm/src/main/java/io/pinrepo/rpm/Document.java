package io.pinrepo.rpm;

import io.pinrepo.rpm.repodata.MetadataInput;
import io.pinrepo.rpm.repodata.RepomdRecord;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.IOException;

/**
 * One repodata document opened from storage: the stored file and its checked, decompressed content.
 * Closing it closes both.
 */
final class Document implements AutoCloseable {
  private final ObjectStream file;
  private final MetadataInput content;

  private Document(ObjectStream file, MetadataInput content) {
    this.file = file;
    this.content = content;
  }

  /** Opens the document {@code record} names in the repository at {@code path}. */
  static Document open(Storage storage, RepoPath path, RepomdRecord record, long maxBytes)
      throws IOException {
    ObjectKey key = path.key(record.location());
    ObjectStream file = storage.read(key);
    try {
      return new Document(file, MetadataInput.open(key.value(), file, record, maxBytes));
    } catch (IOException | RuntimeException e) {
      try {
        file.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The decompressed document. */
  MetadataInput content() {
    return content;
  }

  /** Reads to the end and checks the file against its record. */
  void finish() throws IOException {
    content.finish();
  }

  @Override
  public void close() throws IOException {
    try (file) {
      content.close();
    }
  }
}
