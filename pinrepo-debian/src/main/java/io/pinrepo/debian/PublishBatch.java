package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.spi.ContentSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one publish, every one read and checked before anything is written: which are
 * malformed, which repeat a package of the batch with other bytes, and the packages of the rest (a
 * file given twice with the same bytes counts once).
 */
final class PublishBatch {

  /**
   * A valid file of the batch.
   *
   * @param position its place in the batch as given
   * @param source its content, whose {@code toString()} names it
   * @param deb what it says about itself
   * @param type whether it is a .deb or a udeb
   */
  record Item(int position, ContentSource source, DebPackage deb, PackageType type) {
    String name() {
      return source.toString();
    }

    /** What a repository holds one file of: kind, name, version (as ordered) and architecture. */
    Identity identity() {
      return new Identity(type, deb.name(), deb.version(), deb.architecture());
    }
  }

  private record Identity(
      PackageType type, String name, DebianVersion version, String architecture) {

    // Written out, as in Digests: a record's generated equals and hashCode are linked through
    // method handles on first use, ~10 ms of a CLI publish (docs/performance.md, phase 5).
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other
          && type == other.type
          && name.equals(other.name)
          && version.equals(other.version)
          && architecture.equals(other.architecture);
    }

    @Override
    public int hashCode() {
      return ((type.hashCode() * 31 + name.hashCode()) * 31 + version.hashCode()) * 31
          + architecture.hashCode();
    }
  }

  private final List<Item> items = new ArrayList<>();

  /** The items by identity: a batch of 100,000 files is checked in linear time. */
  private final Map<Identity, Item> byIdentity = new HashMap<>();

  private final SortedMap<Integer, PinrepoException> problems = new TreeMap<>();

  private PublishBatch() {}

  /**
   * Reads every source in turn, each in one streamed pass.
   *
   * @param checkData whether each data archive is read through too
   */
  static PublishBatch read(List<ContentSource> sources, boolean checkData) throws IOException {
    PublishBatch batch = new PublishBatch();
    for (int i = 0; i < sources.size(); i++) {
      ContentSource source = sources.get(i);
      try (InputStream in = source.open()) {
        DebPackage deb = DebReader.read(in, source.toString(), checkData);
        batch.add(new Item(i, source, deb, PackageType.of(source.toString(), deb.control())));
      } catch (MalformedPackageException e) {
        batch.problems.put(i, e);
      }
    }
    return batch;
  }

  private void add(Item item) {
    Item earlier = byIdentity.putIfAbsent(item.identity(), item);
    if (earlier == null) {
      items.add(item);
    } else if (!earlier.deb().digests().equals(item.deb().digests())) {
      problems.put(item.position(), repeated(item, earlier));
    }
  }

  private static PackageConflictException repeated(Item item, Item earlier) {
    DebPackage deb = item.deb();
    return new PackageConflictException(
        item.name()
            + ": "
            + deb.name()
            + " "
            + deb.version()
            + " ("
            + deb.architecture()
            + ") is also in this batch as "
            + earlier.name()
            + ", with other bytes");
  }

  /** The valid files, each package once, in the order given. */
  List<Item> items() {
    return List.copyOf(items);
  }

  /** The malformed and repeated files, by position in the batch. */
  SortedMap<Integer, PinrepoException> problems() {
    return new TreeMap<>(problems);
  }
}
