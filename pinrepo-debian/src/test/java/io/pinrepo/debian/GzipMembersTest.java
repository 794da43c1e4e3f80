package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.testkit.clients.Programs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Packages.gz in members: the whole index, the same bytes however it was made. */
class GzipMembersTest {

  @TempDir Path tmp;

  private static IndexEntry entry(String name, String version) {
    String text =
        "Package: "
            + name
            + "\nVersion: "
            + version
            + "\nArchitecture: amd64\nMaintainer: José <j@example.org>\nDescription: "
            + name
            + " does things\n multi-line ü\nFilename: pool/main/"
            + name
            + "_"
            + version
            + "_amd64.deb\nSize: 1\nSHA256: "
            + "ab".repeat(32)
            + "\n";
    try {
      return IndexEntry.of(ControlParagraph.parse(text, "test"));
    } catch (io.pinrepo.MalformedPackageException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<IndexEntry> index(int packages, int seed) {
    List<IndexEntry> all = new ArrayList<>();
    for (int i = 0; i < packages; i++) {
      all.add(entry("pkg" + (i * 7919 + seed) % 100_003, "1." + i));
    }
    return all;
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    return new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
  }

  @Property(tries = 30)
  void editedIndexDecompressesWholeAndEqualsTheFileMadeFromScratch(
      @ForAll @IntRange(min = 0, max = 1500) int packages,
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll @IntRange(min = 0, max = 3) int edits)
      throws IOException {
    List<IndexEntry> all = index(packages, seed);
    byte[] text = PackagesIndex.render(all);
    byte[] gz = GzipMembers.compress(text, 6, null, null);
    assertArrayEquals(text, gunzip(gz));
    for (int e = 0; e < edits; e++) {
      if (e % 2 == 1 && !all.isEmpty()) {
        all.remove((seed + e) % all.size());
      } else {
        all.add(entry("new" + seed + "x" + e, "2." + e));
      }
      byte[] next = PackagesIndex.render(all);
      byte[] nextGz = GzipMembers.compress(next, 6, text, gz);
      assertArrayEquals(next, gunzip(nextGz));
      assertArrayEquals(GzipMembers.compress(next, 6, null, null), nextGz);
      text = next;
      gz = nextGz;
    }
  }

  @Test
  void aLargeIndexIsSeveralMembersAndAnAddRecompressesOne() throws IOException {
    List<IndexEntry> all = index(3000, 1);
    byte[] text = PackagesIndex.render(all);
    byte[] gz = GzipMembers.compress(text, 6, null, null);
    int[] cuts = GzipMembers.cuts(text);
    assertTrue(cuts.length > 5, "members: " + cuts.length);
    all.add(entry("pkg-added", "1"));
    byte[] next = PackagesIndex.render(all);
    byte[] nextGz = GzipMembers.compress(next, 6, text, gz);
    int common = 0;
    while (common < gz.length && gz[common] == nextGz[common]) {
      common++;
    }
    int tail = 0;
    while (tail < gz.length - common
        && gz[gz.length - 1 - tail] == nextGz[nextGz.length - 1 - tail]) {
      tail++;
    }
    assertTrue(
        gz.length - common - tail < gz.length / 4,
        "changed " + (gz.length - common - tail) + " of " + gz.length + " bytes");
  }

  @Test
  void aPreviousFileInOneMemberOrDamagedIsNotReused() throws IOException {
    byte[] text = PackagesIndex.render(index(800, 2));
    ByteArrayOutputStream single = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(single)) {
      out.write(text);
    }
    byte[] scratch = GzipMembers.compress(text, 6, null, null);
    assertArrayEquals(scratch, GzipMembers.compress(text, 6, text, single.toByteArray()));
    byte[] damaged = scratch.clone();
    damaged[17] ^= 1;
    assertArrayEquals(scratch, GzipMembers.compress(text, 6, text, damaged));
    byte[] shorter = java.util.Arrays.copyOf(text, text.length - 1);
    assertArrayEquals(scratch, GzipMembers.compress(text, 6, shorter, scratch));
  }

  @Test
  void gzipAndZcatReadEveryMember() throws IOException {
    Programs.require("gzip");
    byte[] text = PackagesIndex.render(index(2000, 3));
    Path file = tmp.resolve("Packages.gz");
    Files.write(file, GzipMembers.compress(text, 6, null, null));
    assertEquals(0, Programs.run(tmp, "gzip", "-t", file.toString()).exit());
    Programs.Result zcat = Programs.run(tmp, "sh", "-c", "zcat " + file + " | md5sum");
    assertEquals(0, zcat.exit());
    assertEquals(java.util.HexFormat.of().formatHex(md5(text)), zcat.out().split(" ")[0]);
  }

  private static byte[] md5(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("MD5").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
