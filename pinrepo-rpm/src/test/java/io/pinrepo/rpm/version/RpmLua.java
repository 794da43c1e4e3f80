package io.pinrepo.rpm.version;

import io.pinrepo.testkit.clients.Programs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Asks the real rpm to compare many version pairs in one process, through its Lua {@code
 * rpm.vercmp}.
 */
final class RpmLua {
  private RpmLua() {}

  /** rpm's answer (-1, 0 or 1) for each pair, in order. */
  static List<Integer> vercmp(List<Tuple2<String, String>> pairs) {
    Programs.require("rpm");
    StringBuilder lua = new StringBuilder("%{lua:");
    for (Tuple2<String, String> pair : pairs) {
      lua.append(" print(rpm.vercmp(\"")
          .append(safe(pair.get1()))
          .append("\", \"")
          .append(safe(pair.get2()))
          .append("\")..\",\")");
    }
    lua.append('}');
    String out =
        Programs.run(Path.of("."), Map.of(), List.of("rpm", "--eval", lua.toString()))
            .orFail()
            .out()
            .strip();
    List<Integer> results = new ArrayList<>();
    for (String value : out.split(",")) {
      if (!value.isEmpty()) {
        results.add(Integer.parseInt(value));
      }
    }
    if (results.size() != pairs.size()) {
      throw new AssertionError(
          "rpm answered " + results.size() + " of " + pairs.size() + ": " + out);
    }
    return results;
  }

  private static String safe(String version) {
    for (char c : version.toCharArray()) {
      if (c == '"' || c == '\\' || c == '%' || c == '{' || c == '}') {
        throw new IllegalArgumentException("cannot pass '" + version + "' through rpm --eval");
      }
    }
    return version;
  }
}
