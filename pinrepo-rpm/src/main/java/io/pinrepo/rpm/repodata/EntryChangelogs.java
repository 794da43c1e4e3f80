package io.pinrepo.rpm.repodata;

import io.pinrepo.rpm.header.ChangelogEntry;
import java.util.ArrayList;
import java.util.List;

/** The changelog of a package as createrepo_c (0.17) writes it into {@code other.xml}. */
final class EntryChangelogs {
  private EntryChangelogs() {}

  /**
   * The newest {@code limit} entries of {@code newestFirst}, oldest first, authors without trailing
   * blanks; where consecutive entries share a time, the newer ones are moved a second later each so
   * that the times stay distinct and ordered.
   */
  static List<ChangelogEntry> of(List<ChangelogEntry> newestFirst, int limit) {
    List<String> authors = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    long lastTime = 0;
    for (ChangelogEntry entry : newestFirst) {
      if (times.size() >= limit) {
        break;
      }
      long time = entry.time();
      authors.add(stripTrailingBlanks(entry.author()));
      texts.add(entry.text());
      times.add(time);
      if (time == lastTime) {
        // createrepo_c walks back from the entry before this one while the times repeat; it
        // counts in a C int, so a time past 2038 does not match and nothing moves.
        long expected = (int) time;
        for (int i = times.size() - 2; i >= 0 && times.get(i) == expected; i--) {
          times.set(i, times.get(i) + 1);
          expected = (int) (expected + 1);
        }
      } else {
        lastTime = time;
      }
    }
    List<ChangelogEntry> oldestFirst = new ArrayList<>(times.size());
    for (int i = times.size() - 1; i >= 0; i--) {
      oldestFirst.add(new ChangelogEntry(times.get(i), authors.get(i), texts.get(i)));
    }
    return oldestFirst;
  }

  /** Removes trailing spaces but never the first character, as createrepo_c does. */
  private static String stripTrailingBlanks(String author) {
    int end = author.length();
    while (end > 1 && author.charAt(end - 1) == ' ') {
      end--;
    }
    return author.substring(0, end);
  }
}
