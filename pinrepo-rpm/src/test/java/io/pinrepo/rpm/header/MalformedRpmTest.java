package io.pinrepo.rpm.header;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.fixtures.rpm.RpmBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and damaged files: each is refused with a {@link MalformedPackageException} whose
 * one-line message names the file and the problem, before anything is allocated beyond the limits.
 */
class MalformedRpmTest {
  private static final String SOURCE = "uploads/evil.rpm";
  private static final byte[] GOOD =
      RpmBuilder.of("pin-evil", "1.0", "1", "x86_64")
          .description("the quick brown fox")
          .file("/usr/bin/pin-evil", "#!/bin/sh\n".getBytes(UTF_8), 0755)
          .file("/usr/share/pin-evil/a", "a\n".getBytes(UTF_8))
          .file("/usr/share/pin-evil/b", "b\n".getBytes(UTF_8))
          .build();

  record Case(String name, Function<RpmSurgery, byte[]> damage, String problem) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> damaged() {
    int tagName = 1000;
    return Stream.of(
            new Case("empty file", s -> new byte[0], "not an RPM file (no lead magic)"),
            new Case("bad magic", s -> s.setByte(0, 0x7f).bytes, "no lead magic"),
            new Case("truncated lead", s -> s.truncated(50), "truncated in the lead (50 of 96"),
            new Case(
                "format version 9", s -> s.setByte(4, 9).bytes, "unsupported RPM format version 9"),
            new Case(
                "signature type 1", s -> s.setByte(79, 1).bytes, "unsupported signature type 1"),
            new Case(
                "truncated signature", s -> s.truncated(120), "truncated in the signature header"),
            new Case(
                "no signature magic", s -> s.setByte(97, 0).bytes, "no signature header magic"),
            new Case(
                "huge signature index",
                s -> s.setInt(104, -1).bytes,
                "signature header claims 4294967295 index entries"),
            new Case(
                "lead claiming a huge signature",
                s -> s.setInt(108, Integer.MAX_VALUE).bytes,
                "signature header claims 2147483647 data bytes (at most 1048576 accepted)"),
            new Case(
                "signature longer than the file",
                s -> s.setInt(108, 500_000).bytes,
                "truncated in the signature header"),
            new Case(
                "huge header index",
                s -> s.setInt(s.header() + 8, 70_000).bytes,
                "header claims 70000 index entries (1 to 65535 accepted)"),
            new Case(
                "huge header data",
                s -> s.setInt(s.header() + 12, 0x7000_0000).bytes,
                "header claims 1879048192 data bytes (at most 67108864 accepted)"),
            new Case(
                "truncated header", s -> s.truncated(s.header() + 40), "truncated in the header"),
            new Case(
                "offset out of range",
                s -> s.setInt(s.entry(s.header(), tagName) + 8, 1 << 20).bytes,
                "header tag 1000 points at offset 1048576 outside"),
            new Case(
                "negative offset",
                s -> s.setInt(s.entry(s.header(), tagName) + 8, -4).bytes,
                "header tag 1000 points at offset -4"),
            new Case(
                "unknown type",
                s -> s.setInt(s.entry(s.header(), tagName) + 4, 42).bytes,
                "header tag 1000 has unknown type 42"),
            new Case(
                "huge count",
                s -> s.setInt(s.entry(s.header(), 1028) + 12, 0x7fff_ffff).bytes,
                "header tag 1028 has count 2147483647"),
            new Case(
                "count past the end",
                s -> s.setInt(s.entry(s.header(), 1028) + 12, 1_000_000).bytes,
                "header tag 1028 has 1000000 values that run past the end of the header"),
            new Case(
                "misaligned integers",
                s ->
                    s.setInt(
                            s.entry(s.header(), 1028) + 8,
                            s.getInt(s.entry(s.header(), 1028) + 8) + 1)
                        .bytes,
                "header tag 1028 has misaligned data"),
            new Case(
                "unterminated string",
                s ->
                    s.setInt(s.entry(s.header(), tagName) + 8, s.getInt(s.header() + 12) - 1).bytes,
                "header tag 1000 has a string that runs past the end of the header"),
            new Case(
                "string count",
                s -> s.setInt(s.entry(s.header(), tagName) + 12, 2).bytes,
                "header tag 1000 is a string with count 2"),
            new Case(
                "broken region trailer",
                s -> s.setInt(s.payload() - 8, -7).bytes,
                "header tag 63 has an invalid region trailer"),
            new Case(
                "binary where strings belong",
                s -> s.setInt(s.entry(s.header(), tagName) + 4, 7).bytes,
                "header tag 1000 has type 7 where strings belong"),
            new Case(
                "file counts disagree",
                s -> s.setInt(s.entry(s.header(), 1116) + 12, 1).bytes,
                "header tag 1116 has 1 values but tag 1117 has 3"),
            new Case(
                "directory index out of range",
                s -> s.setInt(s.value(s.header(), 1116), 9).bytes,
                "header tag 1116 names directory 9 of 2"),
            new Case(
                "control character",
                s -> s.setByte(s.value(s.header(), tagName) + 1, 1).bytes,
                "header tag 1000 contains the control character 0x01"),
            new Case(
                "dash in the version",
                s -> s.setByte(s.value(s.header(), 1001) + 1, '-').bytes,
                "bad name, epoch, version, release or arch: bad character '-' in version"),
            new Case(
                "altered header",
                s -> s.setByte(s.value(s.header(), 1005), 'T').bytes,
                "header SHA-256 digest does not match the signature header"),
            new Case(
                "altered payload",
                s -> s.setByte(s.payload() + 20, s.bytes[s.payload() + 20] ^ 1).bytes,
                "MD5 digest does not match the signature"),
            new Case(
                "truncated payload",
                s -> s.truncated(s.bytes.length - 10),
                "truncated: header and payload are"),
            new Case(
                "trailing bytes", s -> s.appended(3), "trailing bytes: header and payload are"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damaged")
  void refusesWithOneLineNamingTheFile(Case c) {
    byte[] bytes = c.damage().apply(new RpmSurgery(GOOD));
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> new RpmReader().read(SOURCE, new ByteArrayInputStream(bytes)));
    assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.problem().contains(c.problem()), () -> c.name() + ": " + e.getMessage());
  }

  @Test
  void theUndamagedFileReads() throws IOException {
    RpmPackage pkg = new RpmReader().read(SOURCE, new ByteArrayInputStream(GOOD));
    assertEquals("pin-evil-1.0-1.x86_64", pkg.nevra().toString());
  }

  @Test
  void smallerLimitsRefuseLargerHeaders() {
    ReadLimits tight = new ReadLimits(1 << 20, 256, 65535);
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> new RpmReader(tight).read(SOURCE, new ByteArrayInputStream(GOOD)));
    assertTrue(e.problem().contains("(at most 256 accepted)"), e.getMessage());
  }
}
