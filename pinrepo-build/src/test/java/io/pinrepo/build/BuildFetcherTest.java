package io.pinrepo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildPath;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching from a repository directory into another directory, with the real filesystem. */
class BuildFetcherTest {
  private static final BuildName WEB = BuildName.of("web");
  private static final BuildVersion V1 = BuildVersion.of("1");

  @TempDir Path dir;
  private FileSystemStorage storage;
  private BuildRepository builds;
  private Path dest;

  @BeforeEach
  void publish() throws IOException {
    storage = FileSystemStorage.open(dir.resolve("repo"));
    builds = BuildRepository.on(storage);
    dest = dir.resolve("deploy/web-1");
    builds.publish(
        NewBuild.builder(WEB, V1)
            .file("app.tar.gz", ContentSource.ofBytes(new byte[200_000]))
            .file("bin/server", ContentSource.ofUtf8("#!/bin/sh\n"))
            .build());
  }

  @AfterEach
  void close() throws IOException {
    storage.close();
  }

  @Test
  void fetchesEveryFileIntoTheDestination() throws Exception {
    FetchResult r = builds.fetch(WEB, V1, dest);
    assertEquals(dest.toAbsolutePath(), r.destination());
    assertEquals(200_000, Files.size(dest.resolve("app.tar.gz")));
    assertEquals("#!/bin/sh\n", Files.readString(dest.resolve("bin/server")));
    assertEquals(List.of("web-1"), names(dest.getParent()), "no staging directory left");
  }

  @Test
  void fetchesThroughAPointer() throws Exception {
    builds.pointers().set(WEB, PointerName.of("prod"), PointerUpdate.to(V1));
    assertEquals(V1, builds.fetch(WEB, PointerName.of("prod"), dest).manifest().version());
    assertTrue(Files.isRegularFile(dest.resolve("bin/server")));
    assertThrows(
        NoSuchPointerException.class,
        () -> builds.fetch(WEB, PointerName.of("staging"), dir.resolve("other")));
  }

  @Test
  void aTamperedFileFailsTheFetchAndLeavesTheDestinationUntouched() throws Exception {
    ObjectKey server = BuildLayout.file(WEB, V1, BuildPath.of("bin/server"));
    storage.write(server, ContentSource.ofUtf8("#!/bin/sh\nrm -rf /\n"), WriteCondition.none());
    BuildIntegrityException longer =
        assertThrows(BuildIntegrityException.class, () -> builds.fetch(WEB, V1, dest));
    assertEquals("web 1 bin/server: longer than the 10 bytes listed", longer.getMessage());
    assertFalse(Files.exists(dest));
    assertEquals(List.of(), names(dest.getParent()));

    storage.write(server, ContentSource.ofUtf8("#!/bin/s"), WriteCondition.none());
    Files.createDirectories(dest);
    BuildIntegrityException altered =
        assertThrows(BuildIntegrityException.class, () -> builds.fetch(WEB, V1, dest));
    assertTrue(
        altered.getMessage().startsWith("web 1 bin/server: 8 bytes, the manifest lists 10"),
        altered.getMessage());
    storage.write(server, ContentSource.ofUtf8("#!/bin/sx\n"), WriteCondition.none());
    BuildIntegrityException hash =
        assertThrows(BuildIntegrityException.class, () -> builds.fetch(WEB, V1, dest));
    assertTrue(hash.getMessage().startsWith("web 1 bin/server: sha256 "), hash.getMessage());
    assertEquals(List.of(), names(dest), "the empty destination stays empty");
    assertEquals(List.of("web-1"), names(dest.getParent()));
  }

  @Test
  void aMissingFileFailsTheFetch() throws Exception {
    storage.delete(BuildLayout.file(WEB, V1, BuildPath.of("app.tar.gz")), WriteCondition.none());
    BuildIntegrityException e =
        assertThrows(BuildIntegrityException.class, () -> builds.fetch(WEB, V1, dest));
    assertEquals("web 1 app.tar.gz: missing from the repository", e.getMessage());
    assertFalse(Files.exists(dest));
  }

  @Test
  void aManifestChangedSinceThePointerWasSetFailsAFetchThroughIt() throws Exception {
    builds.pointers().set(WEB, PointerName.of("prod"), PointerUpdate.to(V1));
    ObjectKey manifest = BuildLayout.manifest(WEB, V1);
    String text = new String(storage.read(manifest).readAllBytes());
    storage.write(
        manifest, ContentSource.ofUtf8(text.replace("{}", "{\"x\":\"y\"}")), WriteCondition.none());
    BuildIntegrityException e =
        assertThrows(
            BuildIntegrityException.class, () -> builds.fetch(WEB, PointerName.of("prod"), dest));
    assertTrue(e.getMessage().startsWith(manifest + ": sha256 "), e.getMessage());
    assertFalse(Files.exists(dest));
  }

  @Test
  void refusesADestinationThatHoldsFilesAndAMissingBuild() throws Exception {
    Files.createDirectories(dest);
    Files.writeString(dest.resolve("keep.txt"), "mine");
    assertThrows(FileAlreadyExistsException.class, () -> builds.fetch(WEB, V1, dest));
    assertEquals("mine", Files.readString(dest.resolve("keep.txt")));
    assertThrows(
        NoSuchBuildException.class,
        () -> builds.fetch(WEB, BuildVersion.of("2"), dir.resolve("x")));
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> s = Files.list(directory)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
