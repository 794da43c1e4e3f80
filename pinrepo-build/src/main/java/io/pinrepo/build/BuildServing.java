package io.pinrepo.build;

import io.pinrepo.serving.ContentTypes;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import java.util.Optional;

/**
 * How the build format's objects are served. A pointer's {@code current.json} is the only object
 * that changes: it is served {@link io.pinrepo.serving.CachePolicy#REVALIDATE revalidated on every
 * use}, so a node polling through an HTTP cache or CDN sees a change on its next poll (a {@code
 * 304} while nothing changed). Files, manifests, markers and history entries never change once
 * written and are served as immutable.
 */
final class BuildServing {
  private BuildServing() {}

  private static final String JSON = "application/json";

  static Optional<ServingMetadata> of(ObjectKey key) {
    return BuildLayout.parse(key).map(BuildServing::of);
  }

  private static ServingMetadata of(BuildLayout.Key key) {
    if (key instanceof BuildLayout.PointerKey) {
      return ServingMetadata.revalidated(JSON);
    }
    if (key instanceof BuildLayout.FileKey file) {
      String name = file.path().segments().get(file.path().segments().size() - 1);
      return ServingMetadata.immutable(
          ContentTypes.ofFileName(name).orElse("application/octet-stream"));
    }
    if (key instanceof BuildLayout.MarkerKey) {
      return ServingMetadata.immutable(ContentTypes.TEXT);
    }
    return ServingMetadata.immutable(JSON); // manifests and history entries
  }
}
