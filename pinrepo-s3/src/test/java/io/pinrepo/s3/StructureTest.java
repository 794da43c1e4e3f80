package io.pinrepo.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.testkit.structure.PackageGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module's packages form no cycle. */
class StructureTest {
  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void packagesFormNoCycle() throws IOException {
    assertEquals(List.of(), PackageGraph.of(CLASSES).cycles());
  }
}
