package io.pinrepo.rpm.repodata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The three documents in memory, for tests. */
record Repodata(byte[] primary, byte[] filelists, byte[] other) {

  static Repodata write(Collection<PackageEntry> entries) throws IOException {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    RepodataWriter.writeAll(entries, p, f, o);
    return new Repodata(p.toByteArray(), f.toByteArray(), o.toByteArray());
  }

  List<PackageEntry> read() throws IOException {
    return read(primary, filelists, other);
  }

  static List<PackageEntry> read(byte[] primary, byte[] filelists, byte[] other)
      throws IOException {
    RepodataReader reader =
        RepodataReader.open(
            "test",
            new ByteArrayInputStream(primary),
            new ByteArrayInputStream(filelists),
            new ByteArrayInputStream(other));
    List<PackageEntry> entries = new ArrayList<>();
    for (Optional<PackageEntry> e = reader.next(); e.isPresent(); e = reader.next()) {
      entries.add(e.get());
    }
    return entries;
  }
}
