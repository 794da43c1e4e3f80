package io.pinrepo.debian;

import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Top;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The record of index files a distribution's Release no longer lists, each with the time until
 * which its by-hash files (and the packages it names) must stay: apt may have fetched the previous
 * InRelease a moment before a commit and fetch its indexes after. Kept in {@code
 * dists/<dist>/pinrepo-superseded}, one line per file: {@code <until-epoch-seconds> <path> <size>
 * <md5> <sha1> <sha256> <sha512>}. Written before the commit that supersedes the files, so they are
 * protected from GC from the moment they stop being current.
 */
final class SupersededIndexes {
  private static final int MAX_BYTES = 16 << 20;

  /** One superseded index file. */
  record Entry(Instant until, String path, Digests digests) {
    String line() {
      return until.getEpochSecond()
          + " "
          + path
          + " "
          + digests.size()
          + " "
          + digests.md5()
          + " "
          + digests.sha1()
          + " "
          + digests.sha256()
          + " "
          + digests.sha512();
    }

    static Entry parse(String line) {
      String[] f = line.strip().split(" ");
      return new Entry(
          Instant.ofEpochSecond(Long.parseLong(f[0])),
          f[1],
          new Digests(Long.parseLong(f[2]), f[3], f[4], f[5], f[6]));
    }
  }

  private SupersededIndexes() {}

  static ObjectKey key(DistLayout layout) {
    return layout.file("pinrepo-superseded");
  }

  /** The entries recorded for a distribution, expired ones included. */
  static List<Entry> read(Storage storage, DistLayout layout) throws IOException {
    return Top.read(storage, key(layout), MAX_BYTES).lines(Entry::parse);
  }

  /**
   * Records {@code superseded} as kept for the by-hash retention from {@code now}, dropping entries
   * expired at {@code now}.
   */
  static void record(
      Storage storage,
      Settings settings,
      DistLayout layout,
      Map<String, Digests> superseded,
      Instant now)
      throws IOException {
    Instant until = now.plus(settings.byHashRetention());
    new OptimisticCommit(settings.retryPolicy())
        .run(
            key(layout).value(),
            () -> {
              Top top = Top.read(storage, key(layout), MAX_BYTES);
              List<Entry> entries = new ArrayList<>();
              for (Entry e : top.lines(Entry::parse)) {
                if (e.until().isAfter(now) && !e.digests().equals(superseded.get(e.path()))) {
                  entries.add(e);
                }
              }
              superseded.forEach((path, digests) -> entries.add(new Entry(until, path, digests)));
              entries.sort(Comparator.comparing(Entry::until).thenComparing(Entry::path));
              return top.replaceLines(storage, entries, Entry::line);
            });
  }

  /**
   * Drops the entries {@code dropped} accepts (when the record exists), conditionally on the
   * version read, retried on a lost race; entries recorded meanwhile are judged too.
   */
  static void drop(Storage storage, Settings settings, DistLayout layout, Predicate<Entry> dropped)
      throws IOException {
    new OptimisticCommit(settings.retryPolicy())
        .run(
            key(layout).value(),
            () -> {
              Top top = Top.read(storage, key(layout), MAX_BYTES);
              if (!top.exists()) {
                return null;
              }
              List<Entry> all = top.lines(Entry::parse);
              List<Entry> kept = all.stream().filter(e -> !dropped.test(e)).toList();
              if (kept.size() == all.size()) {
                return null;
              }
              return top.replaceLines(storage, kept, Entry::line);
            });
  }
}
