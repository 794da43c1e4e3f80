package io.pinrepo.debian;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Debian package version, {@code [epoch:]upstream[-revision]}, ordered as dpkg orders them
 * (Debian Policy §5.6.12): epochs numerically, then upstream and revision by alternating non-digit
 * runs (letters before non-letters, {@code ~} before everything, even the end) and digit runs
 * (numerically, of any length).
 *
 * <p>Equality follows the order, not the text: {@code 1.0} equals {@code 1.0-0} and {@code 0:1.0}.
 * {@link #toString()} returns the text parsed.
 */
public final class DebianVersion implements Comparable<DebianVersion> {

  private final String text;
  private final long epoch;
  private final String upstream;
  private final String revision;

  private DebianVersion(String text, long epoch, String upstream, String revision) {
    this.text = text;
    this.epoch = epoch;
    this.upstream = upstream;
    this.revision = revision;
  }

  /**
   * Parses a version as dpkg does.
   *
   * @throws IllegalArgumentException naming the problem when {@code text} is not a valid version
   */
  public static DebianVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    String v = text;
    if (v.isEmpty() || !v.strip().equals(v)) {
      throw invalid(text, "empty or surrounded by blanks");
    }
    long epoch = 0;
    int colon = v.indexOf(':');
    if (colon >= 0) {
      String e = v.substring(0, colon);
      if (e.isEmpty() || !e.chars().allMatch(c -> c >= '0' && c <= '9') || e.length() > 9) {
        throw invalid(text, "epoch '" + e + "' is not a number up to 999999999");
      }
      epoch = Long.parseLong(e);
      v = v.substring(colon + 1);
    }
    int dash = v.lastIndexOf('-');
    String upstream = dash < 0 ? v : v.substring(0, dash);
    String revision = dash < 0 ? "" : v.substring(dash + 1);
    if (upstream.isEmpty() || !Character.isDigit(upstream.charAt(0))) {
      throw invalid(text, "the upstream version must start with a digit");
    }
    if (dash >= 0 && revision.isEmpty()) {
      throw invalid(text, "empty revision after '-'");
    }
    if (!upstream.chars().allMatch(c -> allowed(c) || c == '-' || c == ':')) {
      throw invalid(text, "the upstream version has a character outside [A-Za-z0-9.+~:-]");
    }
    if (!revision.chars().allMatch(DebianVersion::allowed)) {
      throw invalid(text, "the revision has a character outside [A-Za-z0-9.+~]");
    }
    return new DebianVersion(text, epoch, upstream, revision);
  }

  /** The epoch, 0 when none is written. */
  public long epoch() {
    return epoch;
  }

  /** The upstream part. */
  public String upstream() {
    return upstream;
  }

  /** The Debian revision, empty when none is written. */
  public String revision() {
    return revision;
  }

  /** The version without its epoch, as used in file names. */
  public String withoutEpoch() {
    return revision.isEmpty() ? upstream : upstream + "-" + revision;
  }

  @Override
  public int compareTo(DebianVersion other) {
    int c = Long.compare(epoch, other.epoch);
    if (c != 0) {
      return c;
    }
    c = compareParts(upstream, other.upstream);
    return c != 0 ? c : compareParts(revision, other.revision);
  }

  /** Equal when {@link #compareTo} says so. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DebianVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(epoch, canonical(upstream), canonical(revision));
  }

  /** The version as parsed. */
  @Override
  public String toString() {
    return text;
  }

  private static boolean allowed(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '+'
        || c == '~';
  }

  private static IllegalArgumentException invalid(String text, String problem) {
    return new IllegalArgumentException("invalid Debian version '" + text + "': " + problem);
  }

  /** dpkg's verrevcmp. */
  static int compareParts(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !isDigit(a.charAt(i)))
          || (j < b.length() && !isDigit(b.charAt(j)))) {
        int ac = i < a.length() ? order(a.charAt(i)) : 0;
        int bc = j < b.length() ? order(b.charAt(j)) : 0;
        if (ac != bc) {
          return Integer.compare(ac, bc);
        }
        i++;
        j++;
      }
      int as = i;
      while (i < a.length() && isDigit(a.charAt(i))) {
        i++;
      }
      int bs = j;
      while (j < b.length() && isDigit(b.charAt(j))) {
        j++;
      }
      int c =
          compareDigits(
              a.substring(Math.min(as, a.length()), Math.min(i, a.length())),
              b.substring(Math.min(bs, b.length()), Math.min(j, b.length())));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareDigits(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static String stripZeros(String digits) {
    int k = 0;
    while (k < digits.length() && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int order(char c) {
    if (isDigit(c)) {
      return 0;
    }
    if (Character.isLetter(c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  /** Alternating non-digit and digit runs, zeros stripped, trailing empty/zero pairs dropped. */
  private static List<String> canonical(String part) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < part.length()) {
      int s = i;
      while (i < part.length() && !isDigit(part.charAt(i))) {
        i++;
      }
      runs.add(part.substring(s, i));
      s = i;
      while (i < part.length() && isDigit(part.charAt(i))) {
        i++;
      }
      runs.add(stripZeros(part.substring(s, i)));
    }
    while (runs.size() >= 2
        && runs.get(runs.size() - 1).isEmpty()
        && runs.get(runs.size() - 2).isEmpty()) {
      runs.remove(runs.size() - 1);
      runs.remove(runs.size() - 1);
    }
    return runs;
  }
}
