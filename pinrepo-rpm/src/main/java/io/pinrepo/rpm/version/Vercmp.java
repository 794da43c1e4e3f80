package io.pinrepo.rpm.version;

/**
 * rpm's {@code rpmvercmp}: compares two version (or release) strings segment by segment. Runs of
 * ASCII digits and runs of ASCII letters are segments; everything else separates them, except
 * {@code ~}, which sorts before anything (even the end of the string), and {@code ^}, which sorts
 * after the end of the string but before anything else.
 */
final class Vercmp {
  private Vercmp() {}

  static int compare(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      i = skipSeparators(a, i);
      j = skipSeparators(b, j);
      char x = charAt(a, i);
      char y = charAt(b, j);
      if (x == '~' || y == '~') {
        if (x != '~') {
          return 1;
        }
        if (y != '~') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (x == '^' || y == '^') {
        if (i == a.length()) {
          return -1;
        }
        if (j == b.length()) {
          return 1;
        }
        if (x != '^') {
          return 1;
        }
        if (y != '^') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (i == a.length() || j == b.length()) {
        break;
      }
      boolean numeric = isDigit(x);
      int endA = segmentEnd(a, i, numeric);
      int endB = segmentEnd(b, j, numeric);
      if (endB == j) {
        // One segment is numeric and the other alphabetic: the numeric one is newer.
        return numeric ? 1 : -1;
      }
      int rc =
          numeric ? compareNumbers(a, i, endA, b, j, endB) : compareText(a, i, endA, b, j, endB);
      if (rc != 0) {
        return rc;
      }
      i = endA;
      j = endB;
    }
    if (i == a.length() && j == b.length()) {
      return 0;
    }
    return i < a.length() ? 1 : -1;
  }

  private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
    while (i < endA && a.charAt(i) == '0') {
      i++;
    }
    while (j < endB && b.charAt(j) == '0') {
      j++;
    }
    int lengths = Integer.compare(endA - i, endB - j);
    if (lengths != 0) {
      return lengths;
    }
    return compareText(a, i, endA, b, j, endB);
  }

  private static int compareText(String a, int i, int endA, String b, int j, int endB) {
    int rc = a.substring(i, endA).compareTo(b.substring(j, endB));
    return Integer.signum(rc);
  }

  private static int skipSeparators(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isAlnum(c) || c == '~' || c == '^') {
        break;
      }
      i++;
    }
    return i;
  }

  private static int segmentEnd(String s, int i, boolean numeric) {
    while (i < s.length() && (numeric ? isDigit(s.charAt(i)) : isAlpha(s.charAt(i)))) {
      i++;
    }
    return i;
  }

  private static char charAt(String s, int i) {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || isAlpha(c);
  }
}
