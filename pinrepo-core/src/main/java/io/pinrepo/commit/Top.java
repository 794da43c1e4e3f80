package io.pinrepo.commit;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A mutable top as read for a commit: its bytes and the version token they came with, or its
 * absence. {@link #replace} writes the successor conditionally on exactly what was read, so a
 * publisher that read a stale top loses with a {@link io.pinrepo.spi.PreconditionFailedException}.
 *
 * @param key where the top lives
 * @param bytes its content; empty when {@link #exists()} is false
 * @param versionToken the token read, or empty when the top did not exist
 */
public record Top(ObjectKey key, byte[] bytes, Optional<String> versionToken) {

  /** Copies the bytes. */
  public Top {
    Objects.requireNonNull(key, "key");
    bytes = bytes.clone();
    Objects.requireNonNull(versionToken, "versionToken");
  }

  /**
   * Reads the top under {@code key}, refusing one larger than {@code maxBytes}.
   *
   * @throws IOException when the top is larger than {@code maxBytes}
   */
  public static Top read(Storage storage, ObjectKey key, int maxBytes) throws IOException {
    try (ObjectStream in = storage.read(key)) {
      if (in.info().size() > maxBytes) {
        throw new IOException(
            key + " is " + in.info().size() + " bytes, over the " + maxBytes + " allowed");
      }
      byte[] content = in.readNBytes(maxBytes + 1);
      if (content.length > maxBytes) {
        throw new IOException(key + " is over the " + maxBytes + " bytes allowed");
      }
      return new Top(key, content, Optional.of(in.info().versionToken()));
    } catch (ObjectNotFoundException e) {
      return new Top(key, new byte[0], Optional.empty());
    }
  }

  /** Whether the top existed when read. */
  public boolean exists() {
    return versionToken.isPresent();
  }

  /** The content (a copy). */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The condition under which a successor may replace what was read. */
  public WriteCondition condition() {
    return versionToken.map(WriteCondition::matches).orElse(WriteCondition.mustBeAbsent());
  }

  /** Writes {@code successor} if the top is still what was read. */
  public ObjectInfo replace(Storage storage, byte[] successor) throws IOException {
    return storage.write(key, ContentSource.ofBytes(successor), condition());
  }

  /**
   * The top's text as one record per non-blank line, each read by {@code parser}: a ledger such as
   * the superseded-index records. A line the parser refuses (with an unchecked exception) makes the
   * whole top unreadable.
   */
  public <E> List<E> lines(Function<String, E> parser) throws IOException {
    List<E> records = new ArrayList<>();
    try {
      new String(bytes, StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .forEach(l -> records.add(parser.apply(l)));
    } catch (RuntimeException e) {
      throw new IOException(key + ": unreadable: " + e.getMessage(), e);
    }
    return records;
  }

  /** Writes one line per record, as {@code line} renders it, if the top is still what was read. */
  public <E> ObjectInfo replaceLines(Storage storage, List<E> records, Function<E, String> line)
      throws IOException {
    StringBuilder text = new StringBuilder();
    records.forEach(r -> text.append(line.apply(r)).append('\n'));
    return replace(storage, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Top t
        && key.equals(t.key)
        && java.util.Arrays.equals(bytes, t.bytes)
        && versionToken.equals(t.versionToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, java.util.Arrays.hashCode(bytes), versionToken);
  }

  @Override
  public String toString() {
    return "Top[" + key + ", " + bytes.length + " bytes, " + versionToken.orElse("absent") + "]";
  }
}
