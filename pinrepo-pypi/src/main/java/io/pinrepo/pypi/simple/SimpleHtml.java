package io.pinrepo.pypi.simple;

import java.nio.charset.StandardCharsets;

/**
 * A project's PEP 503 HTML page: one anchor per file with {@code #sha256=}, {@code
 * data-requires-python} (HTML-escaped), both {@code data-core-metadata} and the older {@code
 * data-dist-info-metadata} (PEP 658/714) when a {@code .metadata} file exists, and {@code
 * data-yanked} (PEP 592). Rendered from the same {@link ProjectPage} as the JSON page.
 */
public final class SimpleHtml {
  private SimpleHtml() {}

  /** Renders {@code page} as UTF-8 HTML with {@code \n} line ends. */
  public static byte[] render(ProjectPage page) {
    String name = escape(page.name().value());
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html>\n  <head>\n");
    sb.append("    <meta name=\"pypi:repository-version\" content=\"")
        .append(SimpleJson.API_VERSION)
        .append("\">\n");
    sb.append("    <title>Links for ").append(name).append("</title>\n");
    sb.append("  </head>\n  <body>\n");
    sb.append("    <h1>Links for ").append(name).append("</h1>\n");
    for (ProjectFile f : page.files()) {
      sb.append("    ").append(anchor(f)).append("<br>\n");
    }
    sb.append("  </body>\n</html>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String anchor(ProjectFile f) {
    StringBuilder a = new StringBuilder("<a href=\"");
    a.append(escape(f.fileName())).append("#sha256=").append(f.sha256()).append('"');
    f.requiresPython()
        .ifPresent(rp -> a.append(" data-requires-python=\"").append(escape(rp)).append('"'));
    f.coreMetadataSha256()
        .ifPresent(
            sha ->
                a.append(" data-dist-info-metadata=\"sha256=")
                    .append(sha)
                    .append("\" data-core-metadata=\"sha256=")
                    .append(sha)
                    .append('"'));
    f.yanked().ifPresent(reason -> a.append(" data-yanked=\"").append(escape(reason)).append('"'));
    a.append('>').append(escape(f.fileName())).append("</a>");
    return a.toString();
  }

  /** Escapes text for an HTML attribute value or element content. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
