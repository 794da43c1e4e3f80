package io.pinrepo.debian;

import java.io.IOException;

/** Extracts the signed text from a clear-signed message such as {@code InRelease}. */
final class ClearSigned {
  private static final String BEGIN = "-----BEGIN PGP SIGNED MESSAGE-----";
  private static final String SIGNATURE = "-----BEGIN PGP SIGNATURE-----";

  private ClearSigned() {}

  /**
   * The text that was signed, dash-escaping undone, with a final newline. This does not verify the
   * signature: it is only used on files this library wrote.
   */
  static String content(String message, String where) throws IOException {
    String text = message.replace("\r\n", "\n");
    int begin = text.indexOf(BEGIN + "\n");
    int body = text.indexOf("\n\n", Math.max(begin, 0));
    int end = text.indexOf("\n" + SIGNATURE, Math.max(body, 0));
    if (begin < 0 || body < 0 || end < 0) {
      throw new IOException(where + ": not a clear-signed message");
    }
    StringBuilder sb = new StringBuilder();
    for (String line : text.substring(body + 2, end).split("\n", -1)) {
      sb.append(line.startsWith("- ") ? line.substring(2) : line).append('\n');
    }
    return sb.toString();
  }
}
