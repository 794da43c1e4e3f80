package io.pinrepo.debian;

import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Top;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A distribution's record of promotions, oldest first, in {@code dists/<dist>/pinrepo-promotions}:
 * one paragraph per promotion ({@code Revision}, {@code Date}, {@code Source}, {@code
 * Source-Release-SHA256}, optional {@code Restores} and {@code Note}, then {@code Files:} with one
 * {@code <size> <md5> <sha1> <sha256> <sha512> <path>} line per index file). It is a top: replaced
 * only by a conditional write on the version read, retried on a lost race, so promotions that race
 * each get their own revision. It keeps the newest {@code keep} promotions; what it keeps is what
 * GC treats as roots and what a rollback can restore.
 */
final class PromotionHistory {
  static final String NAME = "pinrepo-promotions";
  private static final int MAX_BYTES = 16 << 20;

  private PromotionHistory() {}

  static ObjectKey key(DistLayout layout) {
    return layout.file(NAME);
  }

  /** The promotions recorded for the distribution, oldest first; empty when there are none. */
  static List<Promotion> read(Storage storage, DistLayout layout) throws IOException {
    return parse(Top.read(storage, key(layout), MAX_BYTES));
  }

  /**
   * Appends {@code promotion} under the next revision number, dropping the oldest entries beyond
   * {@code keep}, and returns it as recorded.
   */
  static Promotion append(
      Storage storage, Settings settings, DistLayout layout, Promotion promotion, int keep)
      throws IOException {
    return new OptimisticCommit(settings.retryPolicy())
        .run(
            key(layout).value(),
            () -> {
              Top top = Top.read(storage, key(layout), MAX_BYTES);
              List<Promotion> entries = new ArrayList<>(parse(top));
              int next = entries.isEmpty() ? 1 : entries.get(entries.size() - 1).revision() + 1;
              Promotion recorded = promotion.withRevision(next);
              entries.add(recorded);
              List<Promotion> kept =
                  entries.subList(Math.max(0, entries.size() - keep), entries.size());
              top.replace(storage, render(kept).getBytes(StandardCharsets.UTF_8));
              return recorded;
            });
  }

  static String render(List<Promotion> entries) {
    StringBuilder sb = new StringBuilder();
    for (Promotion p : entries) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append("Revision: ").append(p.revision()).append('\n');
      sb.append("Date: ").append(p.time()).append('\n');
      sb.append("Source: ").append(p.source()).append('\n');
      sb.append("Source-Release-SHA256: ").append(p.sourceReleaseSha256()).append('\n');
      p.restored().ifPresent(r -> sb.append("Restores: ").append(r).append('\n'));
      p.note().ifPresent(n -> sb.append("Note: ").append(n).append('\n'));
      sb.append("Files:\n");
      p.files()
          .forEach(
              (path, d) ->
                  sb.append(' ')
                      .append(d.size())
                      .append(' ')
                      .append(d.md5())
                      .append(' ')
                      .append(d.sha1())
                      .append(' ')
                      .append(d.sha256())
                      .append(' ')
                      .append(d.sha512())
                      .append(' ')
                      .append(path)
                      .append('\n'));
    }
    return sb.toString();
  }

  private static List<Promotion> parse(Top top) throws IOException {
    List<Promotion> entries = new ArrayList<>();
    String text = new String(top.bytes(), StandardCharsets.UTF_8);
    try {
      for (String paragraph : text.split("\n\n")) {
        if (!paragraph.isBlank()) {
          entries.add(parseOne(paragraph));
        }
      }
    } catch (RuntimeException e) {
      throw new IOException(top.key() + ": unreadable promotion history: " + e.getMessage(), e);
    }
    return entries;
  }

  private static Promotion parseOne(String paragraph) {
    SortedMap<String, String> fields = new TreeMap<>();
    SortedMap<String, Digests> files = new TreeMap<>();
    for (String line : paragraph.split("\n")) {
      if (line.startsWith(" ")) {
        String[] f = line.strip().split(" ", 6);
        files.put(f[5], new Digests(Long.parseLong(f[0]), f[1], f[2], f[3], f[4]));
      } else {
        int colon = line.indexOf(':');
        if (colon < 1) {
          throw new IllegalArgumentException("not a field: '" + line + "'");
        }
        fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    }
    return new Promotion(
        Integer.parseInt(require(fields, "Revision")),
        require(fields, "Source"),
        require(fields, "Source-Release-SHA256"),
        Instant.parse(require(fields, "Date")),
        Optional.ofNullable(fields.get("Note")),
        fields.containsKey("Restores")
            ? OptionalInt.of(Integer.parseInt(fields.get("Restores")))
            : OptionalInt.empty(),
        files);
  }

  private static String require(SortedMap<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no " + name + " field");
    }
    return value;
  }
}
