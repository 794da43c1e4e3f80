package io.pinrepo.access;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the access counts {@link AccessRecorder}s wrote under {@code .pinrepo/access/} of a storage
 * and sums them. It lists that prefix once (one page per 1,000 objects) and reads only the objects
 * of the periods asked for; it keeps one entry per distinct key in memory. Objects deleted while it
 * reads are skipped. It does not write.
 */
public final class AccessStats {

  private AccessStats() {}

  /**
   * Sums the periods that end after {@code since} (periods that began earlier count whole).
   *
   * @throws IOException when the storage fails, or naming an object under {@code .pinrepo/access/}
   *     that is not an access count
   */
  public static AccessSummary sum(Storage storage, Instant since) throws IOException {
    Objects.requireNonNull(since, "since");
    Summing summing = new Summing();
    read(storage, since, summing);
    return summing.result();
  }

  /** Sums every period recorded; see {@link #sum(Storage, Instant)}. */
  public static AccessSummary sumAll(Storage storage) throws IOException {
    return sum(storage, Instant.EPOCH);
  }

  /**
   * The latest recorded request for each key in {@code region} (empty text: a server of one
   * repository), whatever its status.
   */
  public static Map<ObjectKey, Instant> lastAccess(Storage storage, String region)
      throws IOException {
    AccessRecord.checkRegion(region);
    Map<ObjectKey, Instant> last = new HashMap<>();
    read(
        storage,
        Instant.EPOCH,
        content -> {
          for (AccessFile.Row row : content.rows()) {
            if (row.region().equals(region)) {
              last.merge(row.key(), row.last(), (a, b) -> a.isAfter(b) ? a : b);
            }
          }
        });
    return last;
  }

  private static void read(Storage storage, Instant since, Consumer<AccessFile.Content> each)
      throws IOException {
    LocalDate firstDay = LocalDate.ofInstant(since, ZoneOffset.UTC).minusDays(1);
    try (ObjectListing listing = storage.list(AccessFile.PREFIX)) {
      while (listing.hasNext()) {
        ObjectInfo info = listing.next();
        Optional<LocalDate> day = dayOf(info.key());
        if (day.isEmpty() || day.get().isBefore(firstDay)) {
          continue; // not an access count, or a period that ended long before
        }
        try (ObjectStream in = storage.read(info.key())) {
          AccessFile.Content content = AccessFile.parse(info.key(), in);
          if (content.end().isAfter(since)) {
            each.accept(content);
          }
        } catch (ObjectNotFoundException e) {
          // deleted since the listing
        }
      }
    }
  }

  private static Optional<LocalDate> dayOf(ObjectKey key) {
    List<String> segments = key.segments();
    if (segments.size() != 4 || !segments.get(3).endsWith(".tsv")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(segments.get(2)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Sums file contents into totals per key, region and status. */
  private static final class Summing implements Consumer<AccessFile.Content> {
    private final Map<String, long[]> keys = new HashMap<>();
    private final Map<String, long[]> regions = new HashMap<>();
    private final Map<String, long[]> statuses = new HashMap<>();
    private long files;
    private long requests;
    private long bytes;
    private Instant from;
    private Instant to;

    @Override
    public void accept(AccessFile.Content content) {
      files++;
      from = from == null || content.start().isBefore(from) ? content.start() : from;
      to = to == null || content.end().isAfter(to) ? content.end() : to;
      for (AccessFile.Row row : content.rows()) {
        requests += row.requests();
        bytes += row.bytes();
        add(keys, row.key().value(), row);
        add(regions, row.region(), row);
        add(statuses, Integer.toString(row.status()), row);
      }
    }

    private static void add(Map<String, long[]> totals, String name, AccessFile.Row row) {
      long[] t = totals.computeIfAbsent(name, n -> new long[] {0, 0, Long.MIN_VALUE});
      t[0] += row.requests();
      t[1] += row.bytes();
      t[2] = Math.max(t[2], row.last().toEpochMilli());
    }

    AccessSummary result() {
      return new AccessSummary(
          files,
          requests,
          bytes,
          Optional.ofNullable(from),
          Optional.ofNullable(to),
          ranked(keys),
          ranked(regions),
          ranked(statuses));
    }

    private static List<AccessSummary.Total> ranked(Map<String, long[]> totals) {
      return totals.entrySet().stream()
          .map(
              e ->
                  new AccessSummary.Total(
                      e.getKey(),
                      e.getValue()[0],
                      e.getValue()[1],
                      Instant.ofEpochMilli(e.getValue()[2])))
          .sorted(
              Comparator.comparingLong(AccessSummary.Total::requests)
                  .reversed()
                  .thenComparing(Comparator.comparingLong(AccessSummary.Total::bytes).reversed())
                  .thenComparing(AccessSummary.Total::name))
          .toList();
    }
  }
}
