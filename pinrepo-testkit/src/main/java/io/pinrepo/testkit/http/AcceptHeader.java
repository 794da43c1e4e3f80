package io.pinrepo.testkit.http;

import io.pinrepo.serving.ServingHeaders;
import java.util.Locale;

/** PEP 691 content negotiation: whether an {@code Accept} header prefers the JSON form. */
final class AcceptHeader {
  private AcceptHeader() {}

  /**
   * Whether {@code accept} ranks {@link ServingHeaders#PYPI_SIMPLE_JSON} (or its {@code latest}
   * alias) with a quality above zero and at least as high as any HTML form or wildcard. A missing
   * header means HTML, as PEP 691 says for clients that do not ask.
   */
  static boolean prefersSimpleJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    double json = 0;
    double html = 0;
    for (String item : accept.split(",")) {
      String[] parts = item.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = quality(parts);
      switch (type) {
        case ServingHeaders.PYPI_SIMPLE_JSON, "application/vnd.pypi.simple.latest+json" ->
            json = Math.max(json, q);
        case ServingHeaders.PYPI_SIMPLE_HTML,
                "application/vnd.pypi.simple.latest+html",
                "text/html",
                "text/*",
                "*/*" ->
            html = Math.max(html, q);
        default -> {}
      }
    }
    return json > 0 && json >= html;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
