package io.pinrepo.rpm.repodata;

/**
 * A dependency's version split as createrepo_c splits it: the epoch is what precedes the first
 * {@code :} when C's {@code strtol} reads all of it ("0" when there is no {@code :}), the version
 * runs to the first {@code -}, the release is the rest.
 */
record Evr(String epoch, String version, String release) {
  private static final Evr NONE = new Evr("", "", "");

  /** The parts of {@code text}; null when it has a {@code :} after something not a number. */
  static Evr split(String text) {
    if (text.isEmpty()) {
      return NONE;
    }
    String epoch = "0";
    String rest = text;
    int colon = text.indexOf(':');
    if (colon >= 0) {
      String prefix = text.substring(0, colon);
      if (!prefix.isEmpty() && !isCNumber(prefix)) {
        return null;
      }
      if (!prefix.isEmpty()) {
        epoch = prefix;
      }
      rest = text.substring(colon + 1);
    }
    int dash = rest.indexOf('-');
    if (dash < 0) {
      return new Evr(epoch, rest, "");
    }
    return new Evr(epoch, rest.substring(0, dash), rest.substring(dash + 1));
  }

  /** What C's {@code strtol} consumes entirely: blanks, an optional sign, at least one digit. */
  private static boolean isCNumber(String s) {
    int i = 0;
    while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i > digits && i == s.length();
  }
}
