package io.pinrepo.cli;

import io.pinrepo.access.AccessLog;
import io.pinrepo.access.AccessRecorder;
import io.pinrepo.cache.ReadThroughCache;
import io.pinrepo.cache.ReadThroughCacheBuilder;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.server.Redirects;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PresignedUrls;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code pinrepo serve} puts between the backend and the HTTP server: a read-through cache,
 * redirects to presigned URLs, access counts.
 */
final class ServingOptions {

  /** The cache's options, which only make sense together. */
  static final class Cache {
    @Option(
        names = "--cache-dir",
        paramLabel = "DIR",
        required = true,
        description =
            "Keep package files (and tops, revalidated) in DIR, served while the backend is down.")
    Path dir;

    @Option(
        names = "--cache-max-bytes",
        paramLabel = "N",
        converter = ByteSizeConverter.class,
        description =
            "Bound the cache (e.g. 10G); least recently used files go first. Default: 1G.")
    long maxBytes = ReadThroughCacheBuilder.DEFAULT_MAX_BYTES;
  }

  @ArgGroup(exclusive = false)
  Cache cache;

  @Option(
      names = "--redirect",
      description =
          "Answer package-file requests with a 302 to a presigned URL (S3) instead of the bytes;"
              + " indexes are still served.")
  boolean redirect;

  @Option(
      names = "--record-access",
      description = "Write access counts under .pinrepo/access/ of the repository (see stats).")
  boolean recordAccess;

  @Mixin AccessOptions access;

  /** What to serve, set up around {@code backend}; closing it closes the backend. */
  record Served(Storage storage, Redirects redirects, AccessLog log, AccessRecorder recorder)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        if (recorder != null) {
          recorder.close();
        }
      } finally {
        storage.close();
      }
    }
  }

  /**
   * Sets up serving of {@code backend}, which the result then owns.
   *
   * @throws IllegalArgumentException when {@code --redirect} is given for a backend that cannot
   *     presign URLs
   */
  Served around(Storage backend, PrintWriter err) throws IOException {
    ServingPolicy policy = RepositoryFormats.servingPolicy();
    Predicate<ObjectKey> immutable = key -> policy.of(key).immutable();
    if (redirect && !(backend instanceof PresignedUrls)) {
      backend.close();
      throw new IllegalArgumentException(
          "--redirect needs a repository that can presign URLs (s3://...), not " + backend);
    }
    Storage storage = backend;
    if (cache != null) {
      try {
        storage =
            ReadThroughCache.builder(backend, cache.dir)
                .maxBytes(cache.maxBytes)
                .immutableWhen(immutable)
                .build();
      } catch (IOException | RuntimeException e) {
        backend.close();
        throw e;
      }
    }
    Redirects redirects =
        redirect
            ? Redirects.presigned(
                storage, (PresignedUrls) backend, immutable, Duration.ofMinutes(15))
            : Redirects.NONE;
    AccessRecorder recorder = recordAccess ? access.recorder(backend, err) : null;
    return new Served(storage, redirects, recorder == null ? AccessLog.NONE : recorder, recorder);
  }
}
