package io.pinrepo.spi;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A lazy, ordered walk over the objects under a prefix; see {@link Storage#list(String)}. Pages are
 * fetched as the walk reaches them. Not thread-safe; the caller closes it.
 */
public interface ObjectListing extends Closeable {

  /** Whether another object follows; may fetch the next page. */
  boolean hasNext() throws IOException;

  /**
   * The next object.
   *
   * @throws NoSuchElementException when there is none
   */
  ObjectInfo next() throws IOException;

  /** Releases any page fetch in progress; the default does nothing. */
  @Override
  default void close() throws IOException {}

  /** Reads the rest of the listing into a list; for small prefixes only. */
  default List<ObjectInfo> toList() throws IOException {
    List<ObjectInfo> all = new ArrayList<>();
    while (hasNext()) {
      all.add(next());
    }
    return all;
  }

  /** A listing over objects already known, in the order given. */
  static ObjectListing of(List<ObjectInfo> objects) {
    List<ObjectInfo> copy = List.copyOf(objects);
    return new ObjectListing() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < copy.size();
      }

      @Override
      public ObjectInfo next() {
        if (next >= copy.size()) {
          throw new NoSuchElementException();
        }
        return copy.get(next++);
      }
    };
  }
}
