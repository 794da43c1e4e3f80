package io.pinrepo.format;

import io.pinrepo.spi.ObjectKey;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A shared top as a scoped copy writes it ({@link ScopedFormat#merge}): its merged content and the
 * files derived from that content.
 *
 * @param top the merged content of the top
 * @param derived each derived file's content, by key
 */
public record MergedTop(byte[] top, SortedMap<ObjectKey, byte[]> derived) {

  /** Copies the content. */
  public MergedTop {
    top = Objects.requireNonNull(top, "top").clone();
    SortedMap<ObjectKey, byte[]> copy = new TreeMap<>();
    Objects.requireNonNull(derived, "derived").forEach((k, v) -> copy.put(k, v.clone()));
    derived = Collections.unmodifiableSortedMap(copy);
  }

  /** A merged top and its derived files. */
  public static MergedTop of(byte[] top, Map<ObjectKey, byte[]> derived) {
    return new MergedTop(top, new TreeMap<>(derived));
  }

  /** The merged content (a copy). */
  @Override
  public byte[] top() {
    return top.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MergedTop m) || !java.util.Arrays.equals(top, m.top)) {
      return false;
    }
    if (!derived.keySet().equals(m.derived.keySet())) {
      return false;
    }
    return derived.entrySet().stream()
        .allMatch(e -> java.util.Arrays.equals(e.getValue(), m.derived.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return Objects.hash(java.util.Arrays.hashCode(top), derived.keySet());
  }
}
