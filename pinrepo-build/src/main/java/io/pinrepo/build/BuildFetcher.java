package io.pinrepo.build;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.Manifest;
import io.pinrepo.build.manifest.StoredManifest;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Downloads a build into a directory, all or nothing: every file is streamed into a staging
 * directory beside the destination while its SHA-256 is computed, and only when every file has the
 * size and digest its manifest lists is the staging directory renamed to the destination in one
 * atomic move. Fetching through a pointer also checks that the manifest is byte for byte the one
 * the pointer was set to. See {@link BuildRepository#fetch(BuildName, BuildVersion, Path)}.
 */
final class BuildFetcher {

  private final Storage storage;
  private final ManifestStore store;
  private final Pointers pointers;

  BuildFetcher(Storage storage, ManifestStore store, Pointers pointers) {
    this.storage = storage;
    this.store = store;
    this.pointers = pointers;
  }

  FetchResult fetch(BuildName name, BuildVersion version, Path destination) throws IOException {
    StoredManifest stored =
        store
            .read(name, version)
            .map(ManifestStore.Read::stored)
            .orElseThrow(
                () -> new NoSuchBuildException(name, version, "no build " + name + " " + version));
    return download(stored.manifest(), destination);
  }

  FetchResult fetch(BuildName name, PointerName pointer, Path destination) throws IOException {
    PointerState state =
        pointers.read(name, pointer).orElseThrow(() -> new NoSuchPointerException(name, pointer));
    BuildVersion version = state.version();
    StoredManifest stored =
        store
            .read(name, version)
            .map(ManifestStore.Read::stored)
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
