package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.hash.Digests;
import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages nobody here made: every 40th .deb of up to 8 MB in this machine's apt cache is read as
 * dpkg-deb reads it (control file byte for byte, the file's digests), data archive included.
 */
class RealPackagesTest {
  private static final Path CACHE = Path.of("/var/cache/apt/archives");

  @Test
  void readsRealPackagesAsDpkgDebDoes() throws IOException {
    Programs.require("dpkg-deb");
    List<Path> all;
    try (Stream<Path> list = Files.isDirectory(CACHE) ? Files.list(CACHE) : Stream.empty()) {
      all =
          list.filter(p -> p.toString().endsWith(".deb"))
              .filter(p -> p.toFile().length() < (8 << 20))
              .sorted()
              .toList();
    }
    assumeTrue(!all.isEmpty(), "no .deb files in " + CACHE + " to read");
    List<Path> sample =
        IntStream.range(0, all.size()).filter(i -> i % 40 == 0).mapToObj(all::get).toList();
    for (Path deb : sample) {
      DebPackage read;
      try (InputStream in = Files.newInputStream(deb)) {
        read = DebPackage.read(in, deb.toString());
      }
      String control =
          Programs.run(deb.getParent(), "dpkg-deb", "--info", deb.toString(), "control")
              .orFail()
              .out();
      assertEquals(control, read.control().toString(), deb.toString());
      assertEquals(Digests.of(Files.readAllBytes(deb)), read.digests(), deb.toString());
    }
  }
}
