package io.pinrepo.rpm.repodata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepodataWriterTest {
  private static final List<PackageEntry> ENTRIES = Samples.entries();

  @Test
  void entriesReadBackEqualWhatWasWritten() throws IOException {
    Repodata written = Repodata.write(ENTRIES);
    List<PackageEntry> sorted = new ArrayList<>(ENTRIES);
    sorted.sort(PackageEntry.ORDER);
    assertEquals(sorted, written.read());
  }

  @Test
  void addingOnePackageSplicesItBetweenTheEntriesReadBack() throws IOException {
    PackageEntry added = Samples.entry(Samples.builder("pin-b", "1.5", "x86_64"));
    Repodata before = Repodata.write(ENTRIES);

    ByteArrayOutputStream p = new ByteArrayOutputStream();
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    RepodataReader reader = open(before);
    RepodataWriter writer = RepodataWriter.start(p, f, o, reader.packages() + 1);
    boolean placed = false;
    for (Optional<PackageEntry> e = reader.next(); e.isPresent(); e = reader.next()) {
      if (!placed && PackageEntry.ORDER.compare(added, e.get()) < 0) {
        writer.add(added);
        placed = true;
      }
      writer.add(e.get());
    }
    if (!placed) {
      writer.add(added);
    }
    writer.finish();

    List<PackageEntry> all = new ArrayList<>(ENTRIES);
    all.add(added);
    Repodata expected = Repodata.write(all);
    assertArrayEquals(expected.primary(), p.toByteArray());
    assertArrayEquals(expected.filelists(), f.toByteArray());
    assertArrayEquals(expected.other(), o.toByteArray());
  }

  @Test
  void refusesEntriesOutOfOrderOrTwice() throws IOException {
    List<PackageEntry> sorted = new ArrayList<>(ENTRIES);
    sorted.sort(PackageEntry.ORDER);
    RepodataWriter writer = start(3);
    writer.add(sorted.get(1));
    assertThrows(IllegalStateException.class, () -> writer.add(sorted.get(0)));
    assertThrows(IllegalStateException.class, () -> writer.add(sorted.get(1)));
  }

  @Test
  void refusesMoreOrFewerPackagesThanAnnounced() throws IOException {
    List<PackageEntry> sorted = new ArrayList<>(ENTRIES);
    sorted.sort(PackageEntry.ORDER);
    RepodataWriter one = start(1);
    one.add(sorted.get(0));
    assertThrows(IllegalStateException.class, () -> one.add(sorted.get(1)));
    RepodataWriter two = start(2);
    two.add(sorted.get(0));
    assertThrows(IllegalStateException.class, two::finish);
  }

  @Test
  void anEmptyRepositoryHasEmptyDocuments() throws IOException {
    Repodata empty = Repodata.write(List.of());
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata"
            + " xmlns=\"http://linux.duke.edu/metadata/common\""
            + " xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\" packages=\"0\">\n</metadata>",
        new String(empty.primary(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(List.of(), empty.read());
  }

  private static RepodataWriter start(int packages) throws IOException {
    return RepodataWriter.start(
        new ByteArrayOutputStream(),
        new ByteArrayOutputStream(),
        new ByteArrayOutputStream(),
        packages);
  }

  static RepodataReader open(Repodata r) throws IOException {
    return RepodataReader.open(
        "test",
        new ByteArrayInputStream(r.primary()),
        new ByteArrayInputStream(r.filelists()),
        new ByteArrayInputStream(r.other()));
  }
}
