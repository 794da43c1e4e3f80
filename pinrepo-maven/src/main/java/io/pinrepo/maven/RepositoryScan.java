package io.pinrepo.maven;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One listing of a whole repository, indexed by key so that verify and GC can ask what a directory
 * holds without listing it again. Objects written after the listing are not in it.
 */
final class RepositoryScan {
  private final Storage storage;
  private final NavigableMap<String, ObjectInfo> objects;

  private RepositoryScan(Storage storage, NavigableMap<String, ObjectInfo> objects) {
    this.storage = storage;
    this.objects = objects;
  }

  /** Lists every object of {@code storage}. */
  static RepositoryScan of(Storage storage) throws IOException {
    return of(storage, "");
  }

  /** Lists the objects of {@code storage} under {@code prefix}. */
  static RepositoryScan of(Storage storage, String prefix) throws IOException {
    NavigableMap<String, ObjectInfo> objects = new TreeMap<>();
    try (ObjectListing listing = storage.list(prefix)) {
      while (listing.hasNext()) {
        ObjectInfo info = listing.next();
        objects.put(info.key().value(), info);
      }
    }
    return new RepositoryScan(storage, objects);
  }

  /** Whether {@code key} was listed. */
  boolean contains(ObjectKey key) {
    return objects.containsKey(key.value());
  }

  /** Whether {@code key} was listed or, if not, exists now (written after the listing). */
  boolean exists(ObjectKey key) throws IOException {
    return contains(key) || storage.stat(key).isPresent();
  }

  /** The files directly in {@code dir} (not in its subdirectories), in key order. */
  List<ObjectKey> directory(String dir) {
    String prefix = dir + "/";
    List<ObjectKey> files = new ArrayList<>();
    // '0' is the character after '/': the range holds exactly the keys starting with prefix.
    for (String key : objects.subMap(prefix, true, dir + "0", false).keySet()) {
      if (key.indexOf('/', prefix.length()) < 0) {
        files.add(ObjectKey.of(key));
      }
    }
    return files;
  }

  /** Every {@code maven-metadata.xml}, at any level, in key order. */
  List<ObjectKey> metadataFiles() {
    List<ObjectKey> found = new ArrayList<>();
    for (String key : objects.keySet()) {
      if (key.endsWith("/" + Layout.METADATA)) {
        found.add(ObjectKey.of(key));
      }
    }
    return found;
  }

  /**
   * Every directory that looks like a snapshot version's ({@code .../artifactId/x-SNAPSHOT}) and
   * holds at least one file, with or without metadata, in order.
   */
  List<String> snapshotDirectories() {
    TreeSet<String> dirs = new TreeSet<>();
    for (String key : objects.keySet()) {
      int slash = key.lastIndexOf('/');
      String dir = slash < 0 ? "" : key.substring(0, slash);
      if (dir.endsWith("-SNAPSHOT") && dir.split("/").length >= 3) {
        dirs.add(dir);
      }
    }
    return List.copyOf(dirs);
  }
}
