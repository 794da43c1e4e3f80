package io.pinrepo.access;

import io.pinrepo.spi.ObjectKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One node's counts for one period, as stored: UTF-8 text, tab-separated, rows sorted.
 *
 * <pre>
 * pinrepo-access 1
 * node   NODE
 * start  2025-06-01T13:00:00Z
 * end    2025-06-01T14:00:00Z
 * row    REGION  STATUS  REQUESTS  BYTES  LAST-ACCESS  KEY
 * </pre>
 *
 * under {@code .pinrepo/access/DAY/START.NODE.SEQ.tsv} (DAY {@code 2025-06-01}, START {@code
 * 20250601T130000Z}). Keys hold no tab or line break, so the key is the last field as it is.
 */
final class AccessFile {

  static final String PREFIX = ".pinrepo/access/";

  private static final String MAGIC = "pinrepo-access 1";
  private static final DateTimeFormatter START =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The counts of one (region, key, status). */
  record Row(String region, ObjectKey key, int status, long requests, long bytes, Instant last) {}

  /** A whole file. */
  record Content(String node, Instant start, Instant end, List<Row> rows) {
    Content {
      rows =
          rows.stream()
              .sorted(
                  Comparator.comparing(Row::region)
                      .thenComparing(Row::key)
                      .thenComparingInt(Row::status))
              .toList();
    }
  }

  private AccessFile() {}

  /** The prefix of the files of periods starting on {@code day} (UTC). */
  static String dayPrefix(LocalDate day) {
    return PREFIX + day + "/";
  }

  /** The key of {@code node}'s {@code seq}-th file for the period starting at {@code start}. */
  static ObjectKey keyOf(Instant start, String node, int seq) {
    LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
    return ObjectKey.of(dayPrefix(day) + START.format(start) + "." + node + "." + seq + ".tsv");
  }

  static byte[] render(Content content) {
    StringBuilder sb = new StringBuilder(MAGIC).append('\n');
    sb.append("node\t").append(content.node()).append('\n');
    sb.append("start\t").append(content.start()).append('\n');
    sb.append("end\t").append(content.end()).append('\n');
    for (Row r : content.rows()) {
      sb.append("row\t").append(r.region()).append('\t').append(r.status()).append('\t');
      sb.append(r.requests()).append('\t').append(r.bytes()).append('\t').append(r.last());
      sb.append('\t').append(r.key().value()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses the file stored under {@code file}; the caller closes {@code in}.
   *
   * @throws IOException naming the file and the line when it is not an access file
   */
  static Content parse(ObjectKey file, InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int line = 1;
    try {
      expect(reader.readLine(), MAGIC);
      line++;
      String node = field(reader.readLine(), "node");
      line++;
      Instant start = Instant.parse(field(reader.readLine(), "start"));
      line++;
      Instant end = Instant.parse(field(reader.readLine(), "end"));
      List<Row> rows = new ArrayList<>();
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        rows.add(row(text));
      }
      return new Content(node, start, end, rows);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IOException(file + ": line " + line + ": not an access count: " + e.getMessage());
    }
  }

  private static Row row(String text) {
    String[] f = text.split("\t", 7);
    if (f.length != 7 || !f[0].equals("row")) {
      throw new IllegalArgumentException("expected 7 tab-separated fields starting with 'row'");
    }
    return new Row(
        AccessRecord.checkRegion(f[1]),
        ObjectKey.of(f[6]),
        Integer.parseInt(f[2]),
        nonNegative(Long.parseLong(f[3])),
        nonNegative(Long.parseLong(f[4])),
        Instant.parse(f[5]));
  }

  private static long nonNegative(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative count " + n);
    }
    return n;
  }

  private static void expect(String text, String wanted) {
    if (!wanted.equals(text)) {
      throw new IllegalArgumentException("expected '" + wanted + "'");
    }
  }

  private static String field(String text, String name) {
    if (text == null || !text.startsWith(name + "\t")) {
      throw new IllegalArgumentException("expected the '" + name + "' line");
    }
    return text.substring(name.length() + 1);
  }
}
