package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.parallel.Parallel;
import io.pinrepo.spi.ContentSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

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

  /** From this many files on, a batch is read on as many threads as there are processors. */
  private static final int READ_IN_PARALLEL_FROM = 16;

  /**
   * Reads every source, each in one streamed pass; a large batch on several threads (reading and
   * checking 10,000 small packages is ~2 s of CPU), its results taken in the order given.
   *
   * @param checkData whether each data archive is read through too
   */
  static PublishBatch read(List<ContentSource> sources, boolean checkData) throws IOException {
    List<Integer> positions = IntStream.range(0, sources.size()).boxed().toList();
    Parallel.Work<Integer, Read> work = i -> Read.of(i, sources.get(i), checkData);
    List<Read> reads;
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), sources.size());
    if (sources.size() < READ_IN_PARALLEL_FROM || threads < 2) {
      reads = new ArrayList<>(sources.size());
      for (int i : positions) {
        reads.add(work.apply(i));
      }
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(threads, Parallel.daemonThreads("pinrepo-read"));
      try {
        reads = Parallel.map(pool, positions, work);
      } finally {
        pool.shutdownNow();
      }
    }
    PublishBatch batch = new PublishBatch();
    for (Read read : reads) {
      if (read.item() != null) {
        batch.add(read.item());
      } else {
        batch.problems.put(read.position(), read.problem());
      }
    }
    return batch;
  }

  /** One source read: its item, or why it is not a package. */
  private record Read(int position, Item item, MalformedPackageException problem) {

    static Read of(int position, ContentSource source, boolean checkData) throws IOException {
      try (InputStream in = source.open()) {
        DebPackage deb = DebReader.read(in, source.toString(), checkData);
        return new Read(
            position,
            new Item(position, source, deb, PackageType.of(source.toString(), deb.control())),
            null);
      } catch (MalformedPackageException e) {
        return new Read(position, null, e);
      }
    }
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
