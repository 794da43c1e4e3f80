package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.control.ControlParagraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Splicing an index gives what parsing and rendering all of it gives, or is not done at all. */
class PackagesSpliceTest {

  private static IndexEntry entry(String name, String version, String arch, String description) {
    String text =
        "Package: "
            + name
            + "\nVersion: "
            + version
            + "\nArchitecture: "
            + arch
            + "\nMaintainer: José Núñez <jose@example.org>\nDescription: "
            + description
            + "\n multi-line\n .\n  and indented ü\nFilename: pool/main/"
            + name
            + "_"
            + version
            + "_"
            + arch
            + ".deb\nSize: 1\nSHA256: "
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
      String name = "pkg" + ((i * 7 + seed) % (packages / 2 + 1));
      all.add(entry(name, "1." + i, i % 3 == 0 ? "all" : "amd64", "package " + i + " ñ"));
    }
    return all;
  }

  @Property(tries = 40)
  void splicingOneNameGivesWhatRenderingEverythingGives(
      @ForAll @IntRange(min = 0, max = 60) int packages,
      @ForAll @IntRange(min = 0, max = 100) int seed,
      @ForAll @IntRange(min = 0, max = 40) int pick)
      throws IOException {
    List<IndexEntry> all = index(packages, seed);
    byte[] before = PackagesIndex.render(all);
    String name = "pkg" + pick;
    Optional<PackagesSplice> splice = PackagesSplice.of(before, Set.of(name), "Packages");
    assertTrue(splice.isPresent(), "an index as rendered is spliced");
    List<IndexEntry> selected = splice.get().selected();
    assertEquals(all.stream().filter(e -> e.name().equals(name)).count(), selected.size());

    List<IndexEntry> replaced = new ArrayList<>(selected);
    if (!replaced.isEmpty()) {
      replaced.remove(0);
    }
    replaced.add(entry(name, "9.9", "amd64", "new"));
    List<IndexEntry> expected = new ArrayList<>(all);
    expected.removeIf(e -> e.name().equals(name));
    expected.addAll(replaced);
    assertArrayEquals(PackagesIndex.render(expected), splice.get().splice(replaced));
  }

  @Property(tries = 10)
  void splicingWithNothingChangedGivesTheSameBytes(
      @ForAll @IntRange(min = 1, max = 40) int packages) throws IOException {
    byte[] before = PackagesIndex.render(index(packages, 3));
    PackagesSplice splice = PackagesSplice.of(before, Set.of("pkg1"), "Packages").orElseThrow();
    assertArrayEquals(before, splice.splice(splice.selected()));
  }

  @Property(tries = 40)
  void theScanOfARenderedIndexFindsWhatTheFullScanFinds(
      @ForAll @IntRange(min = 0, max = 60) int packages,
      @ForAll @IntRange(min = 0, max = 100) int seed) {
    byte[] bytes = PackagesIndex.render(index(packages, seed));
    IndexScan full = IndexScan.of(bytes).orElseThrow();
    IndexScan trusted = IndexScan.ofRendered(bytes).orElseThrow();
    assertEquals(full.size(), trusted.size());
    for (int i = 0; i < full.size(); i++) {
      assertEquals(full.start(i), trusted.start(i));
      assertEquals(full.end(i), trusted.end(i));
      assertEquals(full.name(i), trusted.name(i));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n\n", "unsorted", "Package:zz", "last blank line", "first blank line"})
  void anIndexThatDoesNotLookRenderedIsScannedInFullEvenIfListedAsRendered(String flaw)
      throws IOException {
    String bad = withFlaw(flaw);
    byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
    assertTrue(IndexScan.ofRendered(bytes).isEmpty(), bad);
    assertTrue(PackagesSplice.of(bytes, Set.of("pkg0"), "Packages", true).isEmpty(), bad);
  }

  @Test
  void anIndexListedAsRenderedIsTrustedAboutItsFormOnly() throws IOException {
    // The Release's word is taken for the form (a blank at a line's end would stop the full scan),
    // not for the stanzas: the ones spliced are parsed, and the rest are copied as they are.
    String good = new String(PackagesIndex.render(index(6, 1)), StandardCharsets.UTF_8);
    byte[] bytes = good.replaceFirst(" ñ\n", " ñ \n").getBytes(StandardCharsets.UTF_8);
    assertTrue(IndexScan.of(bytes).isEmpty());
    PackagesSplice splice =
        PackagesSplice.of(bytes, Set.of("pkg3"), "Packages", true).orElseThrow();
    assertArrayEquals(bytes, splice.splice(splice.selected()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uFEFF", // a byte order mark
        "\r\n", // carriage returns
        "# a comment",
        "\n\n", // two blank lines
        " trailing blank ",
        "Package:zz",
        "Package:  zz",
        "Homepage: x\nhomepage: y",
        "Version: 1.0\n extra",
        "Architecture:",
        "unsorted",
        "Version: not a version!",
        "no Filename",
        "\u00A0tail\u2003",
        "-Bad: x",
        "last blank line"
      })
  void anIndexNotAsRenderedIsNotSpliced(String flaw) throws IOException {
    String bad = withFlaw(flaw);
    assertTrue(IndexScan.of(bad.getBytes(StandardCharsets.UTF_8)).isEmpty(), bad);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00A0tail", "é", "x\u2003y"})
  void nonAsciiInsideValuesIsSpliced(String text) throws IOException {
    String good = new String(PackagesIndex.render(index(6, 1)), StandardCharsets.UTF_8);
    byte[] bytes = good.replaceFirst(" ñ\n", " ñ " + text + "\n").getBytes(StandardCharsets.UTF_8);
    assertTrue(IndexScan.of(bytes).isPresent());
    assertArrayEquals(
        PackagesIndex.render(PackagesIndex.parse(bytes, "Packages")),
        PackagesSplice.of(bytes, Set.of("pkg0"), "Packages")
            .orElseThrow()
            .splice(
                PackagesIndex.parse(bytes, "Packages").stream()
                    .filter(e -> e.name().equals("pkg0"))
                    .toList()));
  }

  @ParameterizedTest
  @ValueSource(ints = {0xC3, 0x80, 0xFF})
  void invalidUtf8IsNotSpliced(int bad) {
    byte[] good = PackagesIndex.render(index(6, 1));
    int at = new String(good, StandardCharsets.ISO_8859_1).indexOf("Size: 1") + 6;
    good[at] = (byte) bad;
    assertTrue(IndexScan.of(good).isEmpty());
  }

  @Property(tries = 5)
  void entriesOfOtherNamesAreRefused(@ForAll @IntRange(min = 1, max = 10) int packages)
      throws IOException {
    PackagesSplice splice =
        PackagesSplice.of(PackagesIndex.render(index(packages, 0)), Set.of("pkg0"), "Packages")
            .orElseThrow();
    assertThrows(
        IllegalArgumentException.class,
        () -> splice.splice(List.of(entry("other", "1", "amd64", "x"))));
  }

  /** A rendered index of six packages with {@code flaw} put into it. */
  private static String withFlaw(String flaw) {
    String good = new String(PackagesIndex.render(index(6, 1)), StandardCharsets.UTF_8);
    return switch (flaw) {
      case "\uFEFF" -> flaw + good;
      case "\r\n" -> good.replace("\n", "\r\n");
      case "\n\n" -> good.replaceFirst("\n\n", "\n\n\n");
      case " trailing blank " -> good.replaceFirst("\n", " \n");
      case "unsorted" ->
          good.substring(good.indexOf("\n\n") + 2)
              + "\n"
              + good.substring(0, good.indexOf("\n\n") + 1);
      case "no Filename" -> good.replaceFirst("Filename: [^\n]*\n", "");
      case "\u00A0tail\u2003" -> good.replaceFirst("\n", " x\u2003\n");
      case "last blank line" -> good + "\n";
      case "first blank line" -> "\n" + good;
      case "Version: 1.0\n extra" -> good.replaceFirst("(Version: [^\n]*)\n", "$1\n extra\n");
      case "Architecture:" -> good.replaceFirst("Architecture: [^\n]*\n", "Architecture:\n");
      case "Version: not a version!" ->
          good.replaceFirst("Version: [^\n]*\n", "Version: not a version!\n");
      case "Package:zz", "Package:  zz" -> good.replaceFirst("Package: [^\n]*", flaw);
      default -> good.replaceFirst("\n", "\n" + flaw + "\n");
    };
  }
}
