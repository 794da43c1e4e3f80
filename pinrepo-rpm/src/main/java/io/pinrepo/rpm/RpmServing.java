package io.pinrepo.rpm;

import io.pinrepo.serving.ContentTypes;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How RPM repositories' objects are served, from the key alone: package files ({@code .rpm}
 * anywhere) and content-addressed metadata ({@code repodata/<sha256>-<type>...}) never change;
 * {@code repomd.xml}, its signature and pinrepo's own records change with every publish, so a CDN
 * keeps them a minute. Other keys are not this format's.
 */
final class RpmServing {
  private static final String RPM = "application/x-rpm";
  private static final Pattern CONTENT_ADDRESSED = Pattern.compile("[0-9a-f]{64}-.+");

  private RpmServing() {}

  static Optional<ServingMetadata> of(ObjectKey key) {
    String name = key.fileName();
    if (key.equals(PathRecord.KEY)) {
      return Optional.of(ServingMetadata.shortLived(ContentTypes.TEXT));
    }
    if (name.endsWith(".rpm")) {
      return Optional.of(ServingMetadata.immutable(RPM));
    }
    List<String> segments = key.segments();
    if (segments.size() < 2 || !segments.get(segments.size() - 2).equals(RepoPath.REPODATA)) {
      return Optional.empty();
    }
    String type = ContentTypes.ofFileName(name).orElse(ServingMetadata.UNKNOWN.contentType());
    return switch (name) {
      case "repomd.xml" -> Optional.of(ServingMetadata.shortLived(type));
      case "repomd.xml.asc" -> Optional.of(ServingMetadata.shortLived(type));
      case "pinrepo-superseded" -> Optional.of(ServingMetadata.shortLived(ContentTypes.TEXT));
      default ->
          Optional.of(
              CONTENT_ADDRESSED.matcher(name).matches()
                  ? ServingMetadata.immutable(type)
                  : ServingMetadata.shortLived(type));
    };
  }
}
