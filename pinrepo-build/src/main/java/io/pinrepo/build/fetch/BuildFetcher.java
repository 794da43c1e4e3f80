package io.pinrepo.build.fetch;

import io.pinrepo.build.BuildIntegrityException;
import io.pinrepo.build.BuildLayout;
import io.pinrepo.build.BuildName;
import io.pinrepo.build.BuildRepository;
import io.pinrepo.build.BuildVersion;
import io.pinrepo.build.Manifest;
import io.pinrepo.build.NoSuchBuildException;
import io.pinrepo.build.NoSuchPointerException;
import io.pinrepo.build.PointerName;
import io.pinrepo.build.StoredManifest;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.build.pointer.Pointers;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Downloads a build into a directory, all or nothing: every file is streamed into a staging
 * directory beside the destination while its SHA-256 is computed, and only when every file has the
 * size and digest its manifest lists is the staging directory renamed to the destination in one
 * atomic move. A missing, short, long or altered file ends the fetch with {@link
 * BuildIntegrityException} and the destination as it was. Fetching through a pointer also checks
 * that the manifest is byte-for-byte the one the pointer was set to.
 *
 * <p>The destination must not exist or be an empty directory; its parent must be on a filesystem
 * that can rename directories atomically (any local one). File modes are not carried: every file is
 * written with the process's default permissions. Memory does not grow with file size. Thread-safe
 * for fetches into different destinations.
 */
public final class BuildFetcher {

  private final Storage storage;
  private final BuildRepository builds;
  private final Pointers pointers;

  private BuildFetcher(Storage storage) {
    this.storage = storage;
    this.builds = BuildRepository.on(storage);
    this.pointers = Pointers.on(storage);
  }

  /** Fetches from {@code storage}. */
  public static BuildFetcher on(Storage storage) {
    return new BuildFetcher(Objects.requireNonNull(storage, "storage"));
  }

  /**
   * Fetches build {@code name} {@code version} into {@code destination}.
   *
   * @throws NoSuchBuildException when there is no complete build of that version
   * @throws BuildIntegrityException when a file differs from its manifest entry
   * @throws java.nio.file.FileAlreadyExistsException when the destination is not an empty directory
   */
  public FetchResult fetch(BuildName name, BuildVersion version, Path destination)
      throws IOException {
    StoredManifest stored =
        builds
            .read(name, version)
            .orElseThrow(
                () -> new NoSuchBuildException(name, version, "no build " + name + " " + version));
    return download(stored.manifest(), destination);
  }

  /**
   * Fetches the build that {@code pointer} of {@code name} names now into {@code destination}.
   *
   * @throws NoSuchPointerException when the pointer was never set
   * @throws NoSuchBuildException when the build it names is gone
   * @throws BuildIntegrityException when the manifest is not the one the pointer was set to, or a
   *     file differs from its manifest entry
   */
  public FetchResult fetch(BuildName name, PointerName pointer, Path destination)
      throws IOException {
    PointerState state =
        pointers.read(name, pointer).orElseThrow(() -> new NoSuchPointerException(name, pointer));
    BuildVersion version = state.version();
    StoredManifest stored =
        builds
            .read(name, version)
            .orElseThrow(
                () ->
                    new NoSuchBuildException(
                        name,
                        version,
                        name + " " + pointer + " names " + version + ", which is not there"));
    String recorded = state.lastChange().manifestSha256();
    if (!stored.sha256().equals(recorded)) {
      throw new BuildIntegrityException(
          BuildLayout.manifest(name, version).value(),
          "sha256 " + stored.sha256() + ", but " + pointer + " was set to " + recorded);
    }
    return download(stored.manifest(), destination);
  }

  private FetchResult download(Manifest manifest, Path destination) throws IOException {
    Path target = destination.toAbsolutePath().normalize();
    Staging.requireEmptyOrAbsent(target);
    Path parent = Files.createDirectories(target.getParent());
    try (Staging staging = Staging.create(parent, target.getFileName().toString())) {
      for (var file : manifest.files()) {
        staging.download(storage, manifest, file);
      }
      staging.moveTo(target);
    }
    return new FetchResult(manifest, target);
  }
}
