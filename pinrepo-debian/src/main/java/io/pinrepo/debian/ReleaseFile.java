package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A distribution's {@code Release} file: its metadata and the digests of every index file, keyed by
 * path relative to {@code dists/<dist>/}. It is also the distribution's state: a publish reads it
 * to find the current indexes.
 *
 * @param suite the distribution, written as both Suite and Codename
 * @param origin the Origin field, if any
 * @param label the Label field, if any
 * @param date when it was made
 * @param validUntil the Valid-Until field, if any
 * @param files every index file and its digests
 * @param rendered the {@code Packages} files among {@code files} that this library wrote, in the
 *     form {@link PackagesIndex#render} gives, listed in the field {@value #RENDERED}: a publish
 *     splices them without checking that form again ({@link IndexScan#ofRendered}); their digests
 *     are still checked. A file another tool wrote is not listed until a publish has rewritten it.
 *     Should the rendered form ever change, the field takes a new name, so that an index in the old
 *     form is checked in full once.
 */
record ReleaseFile(
    String suite,
    Optional<String> origin,
    Optional<String> label,
    Instant date,
    Optional<Instant> validUntil,
    SortedMap<String, Digests> files,
    SortedSet<String> rendered) {

  /**
   * The field that lists {@link #rendered}; apt, like any reader, ignores fields it does not know.
   */
  static final String RENDERED = "Pinrepo-Rendered";

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final List<String> HASH_FIELDS = List.of("MD5Sum", "SHA1", "SHA256", "SHA512");

  ReleaseFile {
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    SortedSet<String> listed = new TreeSet<>(rendered);
    listed.retainAll(files.keySet());
    rendered = Collections.unmodifiableSortedSet(listed);
  }

  /** The components that have indexes, sorted. */
  SortedSet<String> components() {
    SortedSet<String> components = new TreeSet<>();
    files.keySet().forEach(p -> components.add(p.substring(0, p.indexOf('/'))));
    return components;
  }

  /** The architectures that have indexes (of ordinary packages or udebs), sorted. */
  SortedSet<String> architectures() {
    SortedSet<String> archs = new TreeSet<>();
    for (String path : files.keySet()) {
      IndexId.locate(path).ifPresent(l -> archs.add(l.index().arch()));
    }
    return archs;
  }

  /** The text of the file: metadata, then the four digest lists, sorted by path. */
  String render() {
    StringBuilder sb = new StringBuilder();
    origin.ifPresent(o -> sb.append("Origin: ").append(o).append('\n'));
    label.ifPresent(l -> sb.append("Label: ").append(l).append('\n'));
    sb.append("Suite: ").append(suite).append('\n');
    sb.append("Codename: ").append(suite).append('\n');
    sb.append("Date: ").append(DATE.format(date)).append('\n');
    validUntil.ifPresent(v -> sb.append("Valid-Until: ").append(DATE.format(v)).append('\n'));
    sb.append("Architectures: ").append(String.join(" ", architectures())).append('\n');
    sb.append("Components: ").append(String.join(" ", components())).append('\n');
    sb.append("Acquire-By-Hash: yes\n");
    if (!rendered.isEmpty()) {
      sb.append(RENDERED).append(":\n");
      rendered.forEach(path -> sb.append(' ').append(path).append('\n'));
    }
    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
      sb.append(HASH_FIELDS.get(algorithm.ordinal())).append(":\n");
      files.forEach(
          (path, d) ->
              sb.append(' ')
                  .append(d.hex(algorithm))
                  .append(' ')
                  .append(d.size())
                  .append(' ')
                  .append(path)
                  .append('\n'));
    }
    return sb.toString();
  }

  /** Parses a Release file this library wrote (or any with all four digest lists). */
  static ReleaseFile parse(String text, String where) throws IOException {
    try {
      ControlParagraph p = ControlParagraph.parse(text, where);
      Map<String, String[]> hexes = new HashMap<>();
      Map<String, Long> sizes = new HashMap<>();
      for (HashAlgorithm algorithm : HashAlgorithm.values()) {
        String list = p.value(HASH_FIELDS.get(algorithm.ordinal())).orElse("");
        for (String line : list.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
          String[] parts = line.split("\\s+");
          hexes.computeIfAbsent(parts[2], k -> new String[4])[algorithm.ordinal()] = parts[0];
          sizes.put(parts[2], Long.parseLong(parts[1]));
        }
      }
      SortedMap<String, Digests> files = new TreeMap<>();
      hexes.forEach(
          (path, h) -> files.put(path, new Digests(sizes.get(path), h[0], h[1], h[2], h[3])));
      return new ReleaseFile(
          p.require("Suite"),
          p.value("Origin"),
          p.value("Label"),
          DATE.parse(p.require("Date"), Instant::from),
          p.value("Valid-Until").map(v -> DATE.parse(v, Instant::from)),
          files,
          p.value(RENDERED).stream()
              .flatMap(String::lines)
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .collect(Collectors.toCollection(TreeSet::new)));
    } catch (MalformedPackageException e) {
      throw new IOException(
          where + ": not a Release file this library can read: " + e.problem(), e);
    } catch (RuntimeException e) {
      throw new IOException(where + ": not a Release file this library can read: " + e, e);
    }
  }
}
