package io.pinrepo.pypi;

import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.spi.ObjectKey;

/**
 * Where a simple repository keeps its objects. The index URL is {@code <base>/simple/}; each
 * project's files sit beside its pages, so every link is relative and the tree can be served from
 * any prefix:
 *
 * <pre>
 * simple/index.html                      every project (the root top)
 * simple/index.json                      its PEP 691 twin, rendered from it
 * simple/&lt;project&gt;/index.json             PEP 691 page: the project's state and its top
 * simple/&lt;project&gt;/index.html             PEP 503 page, rendered from the same state
 * simple/&lt;project&gt;/&lt;file&gt;                 wheels and sdists (blobs)
 * simple/&lt;project&gt;/&lt;file&gt;.metadata        PEP 658 core metadata (blobs)
 * simple/                                the root page again, and
 * simple/&lt;project&gt;/                      each project's HTML page again, under directory keys
 * </pre>
 *
 * <p>The last two exist only on a storage that {@link io.pinrepo.spi.DirectoryKeys holds directory
 * keys} (S3): pip asks for {@code <index>/<project>/}, which a bucket's REST endpoint answers with
 * the object of exactly that key, so pip reads the repository straight from the bucket, without
 * website hosting or a rewrite rule. They are rendered from the same state as {@code index.html}.
 */
public final class SimpleLayout {
  private SimpleLayout() {}

  /** The prefix of everything this layout writes. */
  public static final String PREFIX = "simple/";

  /** The root page. */
  public static final ObjectKey ROOT = ObjectKey.of("simple/index.html");

  /** The root page's PEP 691 JSON twin. */
  public static final ObjectKey ROOT_JSON = ObjectKey.of("simple/index.json");

  /** The root page under its directory key, {@code simple/}. */
  public static final ObjectKey ROOT_DIRECTORY = ObjectKey.of("simple/");

  /** The project's HTML page under its directory key, {@code simple/<project>/}. */
  public static ObjectKey projectDirectory(ProjectName project) {
    return ObjectKey.of("simple", project.value(), "");
  }

  /** The project's PEP 691 JSON page, its state. */
  public static ObjectKey projectJson(ProjectName project) {
    return ObjectKey.of("simple", project.value(), "index.json");
  }

  /** The project's PEP 503 HTML page. */
  public static ObjectKey projectHtml(ProjectName project) {
    return ObjectKey.of("simple", project.value(), "index.html");
  }

  /** A distribution file of the project. */
  public static ObjectKey file(ProjectName project, String fileName) {
    return ObjectKey.of("simple", project.value(), fileName);
  }

  /** The PEP 658 core metadata file of a distribution file. */
  public static ObjectKey coreMetadata(ProjectName project, String fileName) {
    return ObjectKey.of("simple", project.value(), fileName + ".metadata");
  }
}
