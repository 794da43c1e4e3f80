package io.pinrepo.rpm.repodata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.luben.zstd.ZstdInputStream;
import io.pinrepo.MalformedPackageException;
import io.pinrepo.hash.Digests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MetadataOutputTest {
  private static final byte[] XML = repodata().primary();

  @ParameterizedTest
  @EnumSource(MetadataCompression.class)
  void recordsWhatItWroteUnderAContentAddressedName(MetadataCompression compression)
      throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    RepomdRecord record;
    try (MetadataOutput out = MetadataOutput.to(target, "primary", compression)) {
      out.write(XML, 0, 10);
      out.write(XML, 10, XML.length - 10);
      record = out.finish(1_700_000_000L);
    }
    byte[] compressed = target.toByteArray();
    assertArrayEquals(XML, decompress(compression, compressed));
    assertEquals(Digests.of(compressed).sha256(), record.checksum());
    assertEquals(compressed.length, record.size());
    assertEquals(Digests.of(XML).sha256(), record.openChecksum());
    assertEquals(XML.length, record.openSize());
    assertEquals(
        "repodata/" + record.checksum() + "-primary.xml." + compression.extension(),
        record.location());
  }

  @ParameterizedTest
  @EnumSource(MetadataCompression.class)
  void theSameXmlGivesTheSameFile(MetadataCompression compression) throws IOException {
    assertEquals(compress(compression).checksum(), compress(compression).checksum());
  }

  @Test
  void repomdRoundTrips() throws IOException {
    Repomd repomd =
        new Repomd(
            "1700000000",
            List.of(compress(MetadataCompression.GZIP), other(compress(MetadataCompression.ZSTD))));
    assertEquals(repomd, Repomd.parse("repomd.xml", repomd.render()));
    String text = new String(repomd.render(), StandardCharsets.UTF_8);
    assertEquals(
        text,
        new String(Repomd.parse("repomd.xml", repomd.render()).render(), StandardCharsets.UTF_8));
  }

  @Test
  void repomdRefusesOtherChecksums() throws IOException {
    String sha1 =
        new String(
                new Repomd("1", List.of(compress(MetadataCompression.GZIP))).render(),
                StandardCharsets.UTF_8)
            .replaceFirst("<checksum type=\"sha256\">", "<checksum type=\"sha1\">");
    assertThrows(
        MalformedPackageException.class,
        () -> Repomd.parse("repomd.xml", sha1.getBytes(StandardCharsets.UTF_8)));
  }

  private static RepomdRecord other(RepomdRecord r) {
    return new RepomdRecord(
        "other",
        r.location(),
        r.checksum(),
        r.openChecksum(),
        r.timestamp(),
        r.size(),
        r.openSize());
  }

  private static RepomdRecord compress(MetadataCompression compression) throws IOException {
    MetadataOutput out = MetadataOutput.to(new ByteArrayOutputStream(), "primary", compression);
    out.write(XML);
    return out.finish(1_700_000_000L);
  }

  private static byte[] decompress(MetadataCompression compression, byte[] bytes)
      throws IOException {
    InputStream raw = new ByteArrayInputStream(bytes);
    try (InputStream in =
        compression == MetadataCompression.GZIP
            ? new GZIPInputStream(raw)
            : new ZstdInputStream(raw)) {
      return in.readAllBytes();
    }
  }

  private static Repodata repodata() {
    try {
      return Repodata.write(Samples.entries());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
