package io.pinrepo.rpm;

import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Top;
import io.pinrepo.rpm.repodata.RepomdRecord;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The record of metadata files a path's repomd.xml no longer lists, each with the time until which
 * it (and the packages a superseded primary names) must stay: dnf may have fetched the previous
 * repomd.xml a moment before a commit and fetch its documents after, as APT clients do with by-hash
 * files. Kept in {@code <path>/repodata/pinrepo-superseded}, one line per file: {@code
 * <until-epoch-seconds> <type> <location> <size> <sha256>}. Written before the commit that
 * supersedes the files, so they are protected from GC from the moment they stop being current.
 */
final class SupersededMetadata {

  /**
   * One superseded file.
   *
   * @param until when it may go
   * @param type its repodata type
   * @param location its location relative to the path
   * @param size its size
   * @param sha256 its SHA-256
   */
  record Entry(Instant until, String type, String location, long size, String sha256) {
    String line() {
      return until.getEpochSecond() + " " + type + " " + location + " " + size + " " + sha256;
    }

    static Entry parse(String line) {
      String[] f = line.strip().split(" ");
      if (f.length != 5) {
        throw new IllegalArgumentException("not 5 fields: " + line);
      }
      return new Entry(
          Instant.ofEpochSecond(Long.parseLong(f[0])), f[1], f[2], Long.parseLong(f[3]), f[4]);
    }
  }

  private SupersededMetadata() {}

  /** The entries recorded for {@code path}, expired ones included. */
  static List<Entry> read(Storage storage, RepoPath path) throws IOException {
    return Top.read(storage, path.superseded(), Settings.MAX_SMALL_FILE).lines(Entry::parse);
  }

  /**
   * Records {@code superseded} as kept for the metadata retention from now, dropping expired
   * entries: one read and one conditional write.
   */
  static void record(
      Storage storage, Settings settings, RepoPath path, List<RepomdRecord> superseded)
      throws IOException {
    Instant now = settings.clock().instant();
    Instant until = now.plus(settings.metadataRetention());
    new OptimisticCommit(settings.retryPolicy())
        .run(
            path.superseded().value(),
            () -> {
              Top top = Top.read(storage, path.superseded(), Settings.MAX_SMALL_FILE);
              List<Entry> entries = new ArrayList<>();
              for (Entry e : top.lines(Entry::parse)) {
                boolean again =
                    superseded.stream().anyMatch(r -> r.location().equals(e.location()));
                if (e.until().isAfter(now) && !again) {
                  entries.add(e);
                }
              }
              for (RepomdRecord r : superseded) {
                entries.add(new Entry(until, r.type(), r.location(), r.size(), r.checksum()));
              }
              entries.sort(Comparator.comparing(Entry::until).thenComparing(Entry::location));
              return top.replaceLines(storage, entries, Entry::line);
            });
  }
}
