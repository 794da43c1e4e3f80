package io.pinrepo.rpm.header;

import io.pinrepo.testkit.clients.Programs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Asks the real {@code rpm -qp --queryformat} about a package file: the oracle for the reader. */
final class RpmQuery {
  static final char FIELD = '\u001f';
  static final char RECORD = '\u001e';

  private final Path file;

  RpmQuery(Path file) {
    this.file = file;
  }

  /** The value of each tag, "" where rpm prints {@code (none)}. */
  List<String> scalars(String... tags) {
    StringBuilder format = new StringBuilder();
    for (String tag : tags) {
      format.append("%{").append(tag).append('}').append(RECORD);
    }
    List<String> values = new ArrayList<>(split(query(format.toString()), RECORD));
    values.replaceAll(v -> v.equals("(none)") ? "" : v);
    return values;
  }

  /** One row per element of the parallel array tags, each row the tags' values in order. */
  List<List<String>> rows(String... tags) {
    StringBuilder format = new StringBuilder("[");
    for (int i = 0; i < tags.length; i++) {
      format.append(i == 0 ? "" : String.valueOf(FIELD)).append("%{").append(tags[i]).append('}');
    }
    format.append(RECORD).append(']');
    String out = query(format.toString());
    List<List<String>> rows = new ArrayList<>();
    for (String row : split(out, RECORD)) {
      rows.add(Arrays.asList(row.split(String.valueOf(FIELD), -1)));
    }
    return rows;
  }

  private String query(String format) {
    return Programs.run(
            file.getParent(),
            Map.of("LC_ALL", "C.UTF-8"),
            List.of("rpm", "-qp", "--nosignature", "--nodigest", "--qf", format, file.toString()))
        .orFail()
        .out();
  }

  private static List<String> split(String text, char separator) {
    if (text.isEmpty()) {
      return List.of();
    }
    String trimmed =
        text.charAt(text.length() - 1) == separator ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(trimmed.split(String.valueOf(separator), -1));
  }
}
