package io.pinrepo.pypi;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.pypi.metadata.DistributionFileName;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.serving.ContentTypes;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import java.util.List;
import java.util.Optional;

/**
 * How a simple repository's objects are served, from the key alone. The pages ({@code
 * simple/index.*}, {@code simple/<project>/index.*}, under any prefix) change on every publish and
 * are short-lived; the JSON page is {@code application/vnd.pypi.simple.v1+json} and the HTML page
 * {@code text/html}, each also answering to its PEP 691 {@code latest} alias (and the HTML page to
 * {@code v1+html}) so that a server can negotiate between them. Distribution files and their {@code
 * .metadata} are immutable, wherever they are kept. Other keys are not this format's.
 */
final class SimpleServing {
  private SimpleServing() {}

  /** The PEP 691 JSON form of a page. */
  static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

  private static final ServingMetadata JSON_PAGE =
      ServingMetadata.shortLived(SIMPLE_JSON)
          .alsoAccepting("application/vnd.pypi.simple.latest+json");

  private static final ServingMetadata HTML_PAGE =
      ServingMetadata.shortLived("text/html; charset=utf-8")
          .alsoAccepting(
              "application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.latest+html");

  private static final ServingMetadata CORE_METADATA = ServingMetadata.immutable(ContentTypes.TEXT);

  private static final String METADATA_SUFFIX = ".metadata";

  /** How {@code key} is served, or empty when it is not a simple repository's object. */
  static Optional<ServingMetadata> of(ObjectKey key) {
    String name = key.fileName();
    if (isPage(key.segments())) {
      return Optional.of(name.equals("index.json") ? JSON_PAGE : HTML_PAGE);
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (name.endsWith(METADATA_SUFFIX)) {
      String distribution = name.substring(0, name.length() - METADATA_SUFFIX.length());
      return kind(distribution).map(kind -> CORE_METADATA);
    }
    return kind(name)
        .map(
            kind ->
                ServingMetadata.immutable(
                    kind == DistributionFileName.Kind.SDIST_TAR_GZ
                        ? "application/gzip"
                        : "application/zip"));
  }

  /**
   * Whether the key is {@code .../simple/index.*} or {@code .../simple/<project>/index.*}, or the
   * HTML page under the directory key {@code .../simple/} or {@code .../simple/<project>/}.
   */
  private static boolean isPage(List<String> segments) {
    int n = segments.size();
    String last = segments.get(n - 1);
    if (!last.equals("index.html") && !last.equals("index.json") && !last.isEmpty()) {
      return false;
    }
    boolean root = n >= 2 && segments.get(n - 2).equals("simple");
    boolean project =
        n >= 3 && segments.get(n - 3).equals("simple") && ProjectName.isValid(segments.get(n - 2));
    return root || project;
  }

  /** The kind of distribution {@code fileName} names, if it follows the naming rules. */
  private static Optional<DistributionFileName.Kind> kind(String fileName) {
    try {
      return Optional.of(DistributionFileName.parse(fileName).kind());
    } catch (MalformedPackageException e) {
      return Optional.empty();
    }
  }
}
