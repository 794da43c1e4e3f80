package io.pinrepo.fs;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks the directory tree depth-first, one directory in memory at a time, in key order. A
 * directory sorts as its name plus {@code /}, which is exactly where its keys fall among its
 * siblings' (so {@code a-b} comes before {@code a/x}).
 */
final class FileSystemListing implements ObjectListing {

  private record Entry(String key, Path path, boolean directory) {
    String sortKey() {
      return directory ? key + "/" : key;
    }
  }

  private final String prefix;
  private final Deque<Iterator<Entry>> stack = new ArrayDeque<>();
  private ObjectInfo next;

  FileSystemListing(Path root, String prefix) throws IOException {
    this.prefix = prefix;
    int slash = prefix.lastIndexOf('/');
    String dirKey = slash < 0 ? "" : prefix.substring(0, slash);
    if (!dirKey.isEmpty() && !isValidKey(dirKey)) {
      // no key can start with it (an empty, "." or ".." segment, a backslash...): nothing to list
      return;
    }
    Path dir = dirKey.isEmpty() ? root : root.resolve(dirKey);
    if (Files.isDirectory(dir)) {
      stack.push(children(dir, dirKey).iterator());
    }
  }

  @Override
  public boolean hasNext() throws IOException {
    while (next == null && !stack.isEmpty()) {
      Iterator<Entry> top = stack.peek();
      if (!top.hasNext()) {
        stack.pop();
        continue;
      }
      Entry entry = top.next();
      if (entry.directory()) {
        if (prefix.startsWith(entry.key() + "/") || (entry.key() + "/").startsWith(prefix)) {
          stack.push(children(entry.path(), entry.key()).iterator());
        }
      } else if (entry.key().startsWith(prefix)) {
        next = FileSystemStorage.statPath(ObjectKey.of(entry.key()), entry.path()).orElse(null);
      }
    }
    return next != null;
  }

  @Override
  public ObjectInfo next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ObjectInfo result = next;
    next = null;
    return result;
  }

  private static boolean isValidKey(String key) {
    try {
      ObjectKey.of(key);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<Entry> children(Path dir, String dirKey) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path child : stream) {
        String name = child.getFileName().toString();
        String key = dirKey.isEmpty() ? name : dirKey + "/" + name;
        boolean own = FileSystemStorage.isReserved(key) && !key.equals(FileSystemStorage.RESERVED);
        if (own || !isValidKey(key)) {
          continue; // a file no key can name (e.g. with a backslash) is not an object
        }
        entries.add(new Entry(key, child, Files.isDirectory(child)));
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of(); // removed since its parent was read: it holds nothing now
    } catch (DirectoryIteratorException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        return List.of();
      }
      throw e.getCause();
    }
    entries.sort(Comparator.comparing(Entry::sortKey));
    return entries;
  }
}
