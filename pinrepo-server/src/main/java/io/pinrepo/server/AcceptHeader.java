package io.pinrepo.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP content negotiation over an {@code Accept} header (RFC 9110, section 12.5.1): how much a
 * request wants an object that satisfies some media types. Knows no format: the candidates' media
 * types come from their {@link io.pinrepo.serving.ServingMetadata}.
 */
final class AcceptHeader {

  private record Range(String type, String subtype, double quality) {
    int specificity() {
      return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
    }

    boolean matches(String mediaType) {
      int slash = mediaType.indexOf('/');
      String t = slash < 0 ? mediaType : mediaType.substring(0, slash);
      String s = slash < 0 ? "" : mediaType.substring(slash + 1);
      return type.equals("*") || (type.equals(t) && (subtype.equals("*") || subtype.equals(s)));
    }
  }

  private final List<Range> ranges;

  private AcceptHeader(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** Parses {@code accept}; a missing or blank header accepts anything ({@code *}/{@code *}). */
  static AcceptHeader parse(String accept) {
    List<Range> ranges = new ArrayList<>();
    if (accept == null || accept.isBlank()) {
      ranges.add(new Range("*", "*", 1));
      return new AcceptHeader(ranges);
    }
    for (String item : accept.split(",")) {
      String[] parts = item.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      int slash = type.indexOf('/');
      if (slash <= 0 || slash == type.length() - 1) {
        continue;
      }
      ranges.add(new Range(type.substring(0, slash), type.substring(slash + 1), quality(parts)));
    }
    return new AcceptHeader(ranges);
  }

  /**
   * The quality with which the request accepts an object satisfying {@code mediaTypes}: for each
   * type, the quality of the most specific range that matches it; the best over the types; 0 when
   * none matches.
   */
  double quality(List<String> mediaTypes) {
    double best = 0;
    for (String mediaType : mediaTypes) {
      Range chosen = null;
      for (Range range : ranges) {
        if (range.matches(mediaType)
            && (chosen == null || range.specificity() > chosen.specificity())) {
          chosen = range;
        }
      }
      if (chosen != null) {
        best = Math.max(best, chosen.quality());
      }
    }
    return best;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          double q = Double.parseDouble(p.substring(2).trim());
          return q < 0 || q > 1 || Double.isNaN(q) ? 0 : q;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
