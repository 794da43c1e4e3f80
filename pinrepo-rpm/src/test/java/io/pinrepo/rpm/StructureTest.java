package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.testkit.structure.PackageGraph;
import io.pinrepo.testkit.structure.PublicApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's packages form no cycle (sub-packages never use the root package), and its public API
 * names only JDK and pinrepo types: no zstd-jni or {@code .internal} type.
 */
class StructureTest {
  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void packagesFormNoCycle() throws IOException {
    assertEquals(List.of(), PackageGraph.of(CLASSES).cycles());
  }

  @Test
  void publicSignaturesUseOnlyJdkAndPinrepoTypes() throws IOException {
    assertEquals(List.of(), PublicApi.of(CLASSES).leaks());
  }
}
