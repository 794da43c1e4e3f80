package io.pinrepo.build.manifest;

import io.pinrepo.build.internal.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Free-form facts about a build, such as {@code commit}, {@code branch} or {@code ci-url}: up to
 * {@link #MAX_ENTRIES} entries, keys of 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}, values of
 * at most {@link #MAX_VALUE_LENGTH} characters on one line. Entries are kept sorted by key, so
 * equal metadata always renders to the same bytes. Immutable.
 */
public final class BuildMetadata {

  /** The most entries accepted. */
  public static final int MAX_ENTRIES = 64;

  /** The longest value accepted. */
  public static final int MAX_VALUE_LENGTH = 2048;

  private static final BuildMetadata EMPTY = new BuildMetadata(new TreeMap<>());

  /**
   * One fact.
   *
   * @param key its name
   * @param value its value, one line
   */
  public record Entry(String key, String value) {
    /** Validates key and value. */
    public Entry {
      Syntax.check(
          "metadata key",
          Syntax.METADATA_KEY,
          key,
          "use 1-64 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
      Objects.requireNonNull(value, "value of " + key);
      if (value.length() > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException(
            "metadata " + key + " is longer than " + MAX_VALUE_LENGTH + " characters");
      }
      if (!Syntax.isOneLine(value)) {
        throw new IllegalArgumentException("metadata " + key + " has a control character");
      }
    }
  }

  private final TreeMap<String, String> entries;

  private BuildMetadata(TreeMap<String, String> entries) {
    this.entries = entries;
  }

  /** No metadata. */
  public static BuildMetadata empty() {
    return EMPTY;
  }

  /**
   * Metadata holding {@code entries}.
   *
   * @throws IllegalArgumentException when a key appears twice or there are too many
   */
  public static BuildMetadata of(List<Entry> entries) {
    TreeMap<String, String> map = new TreeMap<>();
    for (Entry e : entries) {
      if (map.put(e.key(), e.value()) != null) {
        throw new IllegalArgumentException("metadata key " + e.key() + " given twice");
      }
    }
    if (map.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "more than " + MAX_ENTRIES + " metadata entries: " + map.size());
    }
    return map.isEmpty() ? EMPTY : new BuildMetadata(map);
  }

  /** This metadata with {@code key} set to {@code value} (replacing any value it had). */
  public BuildMetadata with(String key, String value) {
    Entry entry = new Entry(key, value);
    List<Entry> next = new ArrayList<>(entries());
    next.removeIf(e -> e.key().equals(key));
    next.add(entry);
    return of(next);
  }

  /** The value of {@code key}, if set. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** Every entry, sorted by key. */
  public List<Entry> entries() {
    return entries.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
  }

  /** Whether there is no entry. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BuildMetadata m && entries.equals(m.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
