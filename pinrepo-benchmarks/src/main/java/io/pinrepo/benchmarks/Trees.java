package io.pinrepo.benchmarks;

import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.function.Predicate;

/** Directory trees of fixtures: written from memory, copied, deleted. */
final class Trees {
  private Trees() {}

  /**
   * Writes each object of {@code memory} whose key {@code keep} accepts as a file under dir.
   * Directory keys ({@code simple/}) are left out: a directory cannot also be a file, and the
   * filesystem storage serves the {@code index.html} written beside them instead.
   */
  static void dump(InMemoryStorage memory, Path dir, Predicate<String> keep) throws IOException {
    for (Map.Entry<String, byte[]> object : memory.snapshot().entrySet()) {
      if (!object.getKey().endsWith("/") && keep.test(object.getKey())) {
        Path file = dir.resolve(object.getKey());
        Files.createDirectories(file.getParent());
        Files.write(file, object.getValue());
      }
    }
  }

  /**
   * Copies the tree {@code from} to {@code to}, which must not exist, and flushes each file to
   * disk: the filesystem storage syncs what it writes, and a sync must not pay for writing back the
   * copy.
   */
  static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(d)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Path copy = to.resolve(from.relativize(f));
            Files.copy(f, copy, StandardCopyOption.COPY_ATTRIBUTES);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
              channel.force(true);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
