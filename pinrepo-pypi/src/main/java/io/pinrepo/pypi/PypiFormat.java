package io.pinrepo.pypi;

import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.Top;
import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.pypi.simple.RootIndex;
import io.pinrepo.pypi.simple.SimpleHtml;
import io.pinrepo.pypi.simple.SimpleJson;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.DirectoryKeys;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The simple repository layout for repository-wide tools: verification (every listed file and
 * {@code .metadata} exists with the listed size and SHA-256; each HTML page is exactly what its
 * JSON state renders to; every listed project has a page), GC marking (the root, and the pages,
 * files and metadata of every project that has a page, listed in the root or not) and how each
 * object is served. {@link PypiRepository#format()} hands out the instance configured like the
 * repository; the no-argument one, which {@link java.util.ServiceLoader} makes, has the defaults.
 * Stateless and thread-safe.
 *
 * <p>Roles of the objects {@link #markLive} reports: a project's {@code index.json} (its state) and
 * the root {@code simple/index.html} are {@link LiveObject.Role#TOP tops}; a project's {@code
 * index.html} and the root's {@code simple/index.json} are {@link LiveObject.Role#DERIVED derived}
 * from them after each commit, and so are the HTML pages under the directory keys {@code simple/}
 * and {@code simple/<project>/} on a storage that holds directory keys; distribution files and
 * their {@code .metadata} are {@link LiveObject.Role#BLOB blobs}, with the SHA-256 (and, for
 * distribution files, the size) that the project's JSON page records.
 */
public final class PypiFormat implements RepositoryFormat {

  private static final String NAME = "pypi";

  private final Settings settings;

  /** The format with the default settings. */
  public PypiFormat() {
    this(Settings.DEFAULTS);
  }

  /** The format of a repository with {@code settings}. */
  PypiFormat(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The settings this format shares with its repository. */
  Settings settings() {
    return settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isPresent(Storage storage) throws IOException {
    return storage.stat(SimpleLayout.ROOT).isPresent();
  }

  @Override
  public void verify(Storage storage, VerifyContext context, Consumer<Problem> problems)
      throws IOException {
    RootIndex root = root(storage);
    Top rootJson = Top.read(storage, SimpleLayout.ROOT_JSON, ProjectCommitter.MAX_PAGE_BYTES);
    if (!Arrays.equals(rootJson.bytes(), root.renderJson())) {
      problems.accept(problem(rootJson.key(), "does not match simple/index.html"));
    }
    boolean directories = DirectoryKeys.supported(storage);
    if (directories) {
      checkCopy(storage, SimpleLayout.ROOT_DIRECTORY, root.render(), "simple/index.html", problems);
    }
    for (ProjectName project : root.projects()) {
      Top json =
          Top.read(storage, SimpleLayout.projectJson(project), ProjectCommitter.MAX_PAGE_BYTES);
      if (!json.exists()) {
        problems.accept(problem(json.key(), "listed in simple/index.html but missing"));
        continue;
      }
      ProjectPage page = SimpleJson.parse(json.bytes());
      Top html =
          Top.read(storage, SimpleLayout.projectHtml(project), ProjectCommitter.MAX_PAGE_BYTES);
      byte[] rendered = SimpleHtml.render(page);
      if (!Arrays.equals(html.bytes(), rendered)) {
        problems.accept(problem(html.key(), "does not match index.json"));
      }
      if (directories) {
        checkCopy(
            storage, SimpleLayout.projectDirectory(project), rendered, "index.json", problems);
      }
      for (ProjectFile f : page.files()) {
        check(storage, SimpleLayout.file(project, f.fileName()), f.size(), f.sha256(), problems);
        if (f.coreMetadataSha256().isPresent()) {
          check(
              storage,
              SimpleLayout.coreMetadata(project, f.fileName()),
              -1,
              f.coreMetadataSha256().get(),
              problems);
        }
      }
    }
  }

  /**
   * Checks a page kept under a directory key: missing, pip reading the bucket directly gets a 404
   * (any change to the project, or publishing one of its files again, writes it).
   */
  private static void checkCopy(
      Storage storage, ObjectKey key, byte[] expected, String source, Consumer<Problem> problems)
      throws IOException {
    Top copy = Top.read(storage, key, ProjectCommitter.MAX_PAGE_BYTES);
    if (!copy.exists()) {
      problems.accept(problem(key, "does not match " + source + ": missing"));
    } else if (!Arrays.equals(copy.bytes(), expected)) {
      problems.accept(problem(key, "does not match " + source));
    }
  }

  private static void check(
      Storage storage, ObjectKey key, long size, String sha256, Consumer<Problem> problems)
      throws IOException {
    Digests actual;
    try {
      actual = Blobs.digestsOf(storage, key);
    } catch (ObjectNotFoundException e) {
      problems.accept(problem(key, "listed but missing"));
      return;
    }
    if (size >= 0 && actual.size() != size) {
      problems.accept(problem(key, "size " + actual.size() + ", listed as " + size));
    } else if (!actual.sha256().equals(sha256)) {
      problems.accept(problem(key, "sha256 " + actual.sha256() + ", listed as " + sha256));
    }
  }

  @Override
  public void markLive(Storage storage, Consumer<LiveObject> live) throws IOException {
    live.accept(LiveObject.top(SimpleLayout.ROOT));
    live.accept(LiveObject.derived(SimpleLayout.ROOT_JSON));
    boolean directories = DirectoryKeys.supported(storage);
    if (directories) {
      live.accept(LiveObject.derived(SimpleLayout.ROOT_DIRECTORY));
    }
    for (ProjectName project : projectsWithPages(storage)) {
      if (directories) {
        live.accept(LiveObject.derived(SimpleLayout.projectDirectory(project)));
      }
      Top json =
          Top.read(storage, SimpleLayout.projectJson(project), ProjectCommitter.MAX_PAGE_BYTES);
      live.accept(LiveObject.top(SimpleLayout.projectJson(project)));
      live.accept(LiveObject.derived(SimpleLayout.projectHtml(project)));
      if (!json.exists()) {
        continue;
      }
      for (ProjectFile f : SimpleJson.parse(json.bytes()).files()) {
        live.accept(
            LiveObject.blob(SimpleLayout.file(project, f.fileName()), f.size(), f.sha256()));
        if (f.coreMetadataSha256().isPresent()) {
          live.accept(
              new LiveObject(
                  SimpleLayout.coreMetadata(project, f.fileName()),
                  LiveObject.Role.BLOB,
                  OptionalLong.empty(),
                  f.coreMetadataSha256()));
        }
      }
    }
  }

  @Override
  public Optional<ServingMetadata> serving(ObjectKey key) {
    return SimpleServing.of(key);
  }

  @Override
  public List<String> collectablePrefixes(Storage storage) {
    return List.of(SimpleLayout.PREFIX);
  }

  /**
   * Every project that has a JSON page, listed or not: a publish that crashed between its project
   * commit and the root update leaves a project that only the next publish lists, and GC must not
   * take it meanwhile.
   */
  private static Set<ProjectName> projectsWithPages(Storage storage) throws IOException {
    Set<ProjectName> projects = new TreeSet<>(root(storage).projects());
    try (ObjectListing listing = storage.list(SimpleLayout.PREFIX)) {
      while (listing.hasNext()) {
        List<String> segments = listing.next().key().segments();
        if (segments.size() == 3
            && segments.get(2).equals("index.json")
            && ProjectName.isValid(segments.get(1))) {
          projects.add(ProjectName.of(segments.get(1)));
        }
      }
    }
    return projects;
  }

  private static RootIndex root(Storage storage) throws IOException {
    return RootIndex.parse(
        Top.read(storage, SimpleLayout.ROOT, ProjectCommitter.MAX_PAGE_BYTES).bytes());
  }

  private static Problem problem(ObjectKey key, String description) {
    return new Problem(NAME, key, description);
  }
}
