package io.pinrepo.pypi.version;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of a PEP 440 version specifier set, such as a {@code Requires-Python} value ({@code
 * >=3.8, !=3.9.*}): comma-separated clauses, each an operator and a version, checked clause by
 * clause as the {@code packaging} library's {@code SpecifierSet} does (and so as PyPI does on
 * upload). Empty clauses are ignored. {@code ==} and {@code !=} take a version with a local label
 * or a release prefix ending in {@code .*}; {@code ~=} a version of at least two release numbers;
 * {@code <}, {@code <=}, {@code >}, {@code >=} a version without a local label; {@code ===} any
 * text (even none) without white space, comma, semicolon or closing parenthesis.
 *
 * <p>It checks syntax only: it does not evaluate a specifier against a version.
 */
public final class VersionSpecifiers {
  private VersionSpecifiers() {}

  private static final Pattern CLAUSE =
      Pattern.compile("(?<op>~=|===|==|!=|<=|>=|<|>)\\s*(?<version>.*)", Pattern.DOTALL);

  private static final Pattern PREFIX =
      Pattern.compile("v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*\\.\\*", Pattern.CASE_INSENSITIVE);

  private static final Pattern ARBITRARY = Pattern.compile("[^\\s,;)]*");

  /** Whether {@code text} is a valid specifier set. */
  public static boolean isValid(String text) {
    return problem(text).isEmpty();
  }

  /** What is wrong with {@code text} in a few words, or empty when it is a valid specifier set. */
  public static Optional<String> problem(String text) {
    Objects.requireNonNull(text, "text");
    for (String raw : text.split(",", -1)) {
      String clause = raw.strip();
      if (clause.isEmpty()) {
        continue;
      }
      Optional<String> problem = clauseProblem(clause);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> clauseProblem(String clause) {
    Matcher m = CLAUSE.matcher(clause);
    if (!m.matches()) {
      return Optional.of("'" + clause + "' does not start with an operator such as >=");
    }
    String op = m.group("op");
    String version = m.group("version");
    if (op.equals("===")) {
      return ARBITRARY.matcher(version).matches()
          ? Optional.empty()
          : Optional.of("'" + clause + "' has no version after ===");
    }
    if (version.isEmpty() || version.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of("'" + clause + "' has no single version after " + op);
    }
    boolean equality = op.equals("==") || op.equals("!=");
    if (version.endsWith(".*")) {
      return equality && PREFIX.matcher(version).matches()
          ? Optional.empty()
          : Optional.of("'" + clause + "' uses .* where it is not allowed");
    }
    Optional<Pep440Version> parsed = Pep440Version.tryParse(version);
    if (parsed.isEmpty()) {
      return Optional.of("'" + version + "' is not a PEP 440 version");
    }
    if (!equality && parsed.get().isLocal()) {
      return Optional.of("'" + clause + "' has a local version, allowed only with == and !=");
    }
    if (op.equals("~=") && parsed.get().release().size() < 2) {
      return Optional.of("'" + clause + "' needs at least two release numbers after ~=");
    }
    return Optional.empty();
  }
}
