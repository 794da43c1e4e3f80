package io.pinrepo.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the list commands print what they found: one line an item, or with {@code --json} one JSON
 * array of an object an item. Prints nothing else; what an empty list means is the caller's to say.
 */
final class Listing {

  private Listing() {}

  /**
   * Prints {@code items} to {@code out}, each as {@code line} makes it, or as a JSON array of what
   * {@code object} makes of each when {@code json}; flushes {@code out}.
   */
  static <T> void print(
      PrintWriter out,
      boolean json,
      List<T> items,
      Function<T, String> line,
      Function<T, Map<String, Object>> object) {
    if (json) {
      out.println(Json.write(items.stream().map(object).toList()));
    } else {
      items.forEach(item -> out.println(line.apply(item)));
    }
    out.flush();
  }
}
