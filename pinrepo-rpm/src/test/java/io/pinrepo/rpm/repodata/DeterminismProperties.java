package io.pinrepo.rpm.repodata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The same packages in any order give the same bytes. */
class DeterminismProperties {
  private static final List<PackageEntry> ENTRIES = Samples.entries();
  private static final Repodata SORTED = write(ENTRIES);

  @Property(tries = 50)
  void anyOrderGivesTheSameBytes(@ForAll("permutations") List<PackageEntry> shuffled)
      throws IOException {
    Repodata r = Repodata.write(shuffled);
    assertArrayEquals(SORTED.primary(), r.primary());
    assertArrayEquals(SORTED.filelists(), r.filelists());
    assertArrayEquals(SORTED.other(), r.other());
  }

  @Provide
  Arbitrary<List<PackageEntry>> permutations() {
    return Arbitraries.shuffle(ENTRIES);
  }

  private static Repodata write(List<PackageEntry> entries) {
    try {
      return Repodata.write(entries);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
