package io.pinrepo.maven.metadata;

import io.pinrepo.MalformedPackageException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The repository's prefix file, {@code .meta/prefixes.txt}: the path prefixes under which it holds
 * anything, read by Maven Resolver 2 (Maven 3.10 and 4) to skip requests for what cannot be there.
 * A resolver obeys a valid prefix file completely, so it must list every groupId; no entry lies
 * under another entry.
 *
 * @param prefixes entries such as {@code /com/example}, sorted, none under another
 */
public record PrefixFile(List<String> prefixes) {

  /** The first line every prefix file must start with. */
  public static final String MAGIC = "## repository-prefixes/2.0";

  private static final int MAX_LINE = 250;

  /** Validates the entries, drops those covered by another and sorts them. */
  public PrefixFile {
    TreeSet<String> sorted = new TreeSet<>();
    for (String p : prefixes) {
      if (!p.startsWith("/") || p.length() < 2 || p.endsWith("/") || p.length() > MAX_LINE) {
        throw new IllegalArgumentException("not a prefix entry: '" + p + "'");
      }
      sorted.add(p);
    }
    List<String> kept = new ArrayList<>();
    for (String p : sorted) {
      if (kept.stream().noneMatch(k -> covers(k, p))) {
        kept.add(p);
      }
    }
    prefixes = List.copyOf(kept);
  }

  /** The prefix file listing {@code entries}. */
  public static PrefixFile of(Collection<String> entries) {
    return new PrefixFile(List.copyOf(entries));
  }

  /** The entry for {@code groupId}: {@code /} and the groupId with dots as slashes. */
  public static String entryFor(String groupId) {
    return "/" + groupId.replace('.', '/');
  }

  /**
   * Parses a prefix file.
   *
   * @throws MalformedPackageException when the magic line is missing or a line is not an entry, a
   *     comment or empty
   */
  public static PrefixFile parse(String source, byte[] text) throws MalformedPackageException {
    List<String> lines = new String(text, StandardCharsets.UTF_8).lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
      throw new MalformedPackageException(source, "does not start with '" + MAGIC + "'");
    }
    List<String> entries = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!line.startsWith("/")) {
        throw new MalformedPackageException(source, "not a prefix line: '" + line + "'");
      }
      entries.add(line);
    }
    try {
      return new PrefixFile(entries);
    } catch (IllegalArgumentException e) {
      throw new MalformedPackageException(source, e.getMessage(), e);
    }
  }

  /** Whether a path under {@code entry} is allowed by this file. */
  public boolean covers(String entry) {
    return prefixes.stream().anyMatch(p -> covers(p, entry));
  }

  /** This file with {@code entry} added; this when it is covered already. */
  public PrefixFile with(String entry) {
    if (covers(entry)) {
      return this;
    }
    List<String> next = new ArrayList<>(prefixes);
    next.add(entry);
    return new PrefixFile(next);
  }

  /** The file's text: the magic line, then one entry a line. */
  public byte[] toBytes() {
    StringBuilder sb = new StringBuilder(MAGIC).append('\n');
    prefixes.forEach(p -> sb.append(p).append('\n'));
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean covers(String prefix, String path) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
