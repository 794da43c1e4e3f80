package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.hash.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

/**
 * Measures what compressing a 10,000-package index costs at each setting (printed, not asserted:
 * timings vary by machine) and checks that every form decompresses to the index. It takes tens of
 * seconds, so it runs only when asked: {@code -Dsurefire.argLine=-Dpinrepo.measure=true}.
 */
class CompressionCostTest {

  @Test
  void measuresATenThousandPackageIndex() throws IOException {
    assumeTrue(
        Boolean.getBoolean("pinrepo.measure"),
        "a measurement, not a check: run with -Dsurefire.argLine=-Dpinrepo.measure=true");
    DebPackage template =
        DebPackage.read(
            new ByteArrayInputStream(
                DebBuilder.of("template", "1.0", "amd64")
                    .field("Depends", "libc6 (>= 2.17), libssl3 (>= 3.0.0), zlib1g (>= 1:1.2.0)")
                    .build()),
            "template.deb");
    List<IndexEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      var control =
          template.control().with("Package", "package-" + i).with("Version", "1." + i + "-1");
      DebPackage deb = new DebPackage(control, Digests.of(("deb " + i).getBytes()));
      entries.add(IndexEntry.of(deb, PoolLayout.path("main", deb, PackageType.DEB)));
    }
    byte[] index = PackagesIndex.render(entries);
    for (IndexCompression setting :
        List.of(
            IndexCompression.DEFAULT,
            new IndexCompression(9, -1),
            new IndexCompression(6, 0),
            new IndexCompression(6, 1),
            new IndexCompression(6, 6))) {
      setting.files(index); // warm up
      long start = System.nanoTime();
      Map<String, byte[]> files = setting.files(index);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "10,000-package index (%,d bytes), gzip -%d%s: %d ms; gz %,d bytes%s%n",
          index.length,
          setting.gzipLevel(),
          setting.xzPreset() < 0 ? "" : ", xz -" + setting.xzPreset(),
          millis,
          files.get("Packages.gz").length,
          files.containsKey("Packages.xz")
              ? ", xz " + String.format("%,d", files.get("Packages.xz").length) + " bytes"
              : "");
      assertEquals(
          Digests.of(index),
          Digests.of(new GZIPInputStream(new ByteArrayInputStream(files.get("Packages.gz")))));
      if (files.containsKey("Packages.xz")) {
        assertEquals(
            Digests.of(index),
            Digests.of(new XZInputStream(new ByteArrayInputStream(files.get("Packages.xz")))));
      }
    }
  }
}
