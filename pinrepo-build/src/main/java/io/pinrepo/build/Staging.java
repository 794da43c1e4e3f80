package io.pinrepo.build;

import io.pinrepo.build.manifest.FileEntry;
import io.pinrepo.build.manifest.Manifest;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hidden directory beside the destination that a fetch fills and verifies before renaming it into
 * place; deleted with whatever it holds when the fetch fails.
 */
final class Staging implements AutoCloseable {

  private final Path dir;
  private boolean moved;

  private Staging(Path dir) {
    this.dir = dir;
  }

  static Staging create(Path parent, String name) throws IOException {
    return new Staging(Files.createTempDirectory(parent, "." + name + ".pinrepo-"));
  }

  static void requireEmptyOrAbsent(Path target) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "exists and is not a directory");
    }
    try (Stream<Path> entries = Files.list(target)) {
      if (entries.findAny().isPresent()) {
        throw new FileAlreadyExistsException(target.toString(), null, "is not empty");
      }
    }
  }

  /** Streams {@code file} of {@code manifest} into the staging directory, checking it. */
  void download(Storage storage, Manifest manifest, FileEntry file) throws IOException {
    Path local = dir;
    for (String segment : file.path().segments()) {
      local = local.resolve(segment);
    }
    if (!local.normalize().startsWith(dir)) {
      throw new IOException(file.path() + ": outside the destination"); // BuildPath forbids it
    }
    Files.createDirectories(local.getParent());
    ObjectKey key = BuildLayout.file(manifest.name(), manifest.version(), file.path());
    String what = manifest.name() + " " + manifest.version() + " " + file.path();
    MessageDigest sha256 = HashAlgorithm.SHA256.newDigest();
    long size = 0;
    try (ObjectStream in = storage.read(key);
        FileChannel channel =
            FileChannel.open(local, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        size += n;
        if (size > file.size()) {
          throw new BuildIntegrityException(
              what, "longer than the " + file.size() + " bytes listed");
        }
        sha256.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      channel.force(true);
    } catch (ObjectNotFoundException e) {
      throw new BuildIntegrityException(what, "missing from the repository");
    }
    if (size != file.size()) {
      throw new BuildIntegrityException(what, size + " bytes, the manifest lists " + file.size());
    }
    String actual = HexFormat.of().formatHex(sha256.digest());
    if (!actual.equals(file.sha256())) {
      throw new BuildIntegrityException(
          what, "sha256 " + actual + ", the manifest lists " + file.sha256());
    }
  }

  /** Renames the staging directory to {@code target}, which is absent or an empty directory. */
  void moveTo(Path target) throws IOException {
    if (Files.isDirectory(target)) {
      try {
        Files.delete(target);
      } catch (DirectoryNotEmptyException e) {
        throw new FileAlreadyExistsException(target.toString(), null, "is not empty");
      }
    }
    Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
    moved = true;
  }

  @Override
  public void close() throws IOException {
    if (moved || !Files.exists(dir)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}
