package io.pinrepo.pypi;

import io.pinrepo.commit.DerivedFiles;
import io.pinrepo.commit.ObjectVersions;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Settlement;
import io.pinrepo.commit.Top;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.pypi.simple.RootIndex;
import io.pinrepo.pypi.simple.SimpleHtml;
import io.pinrepo.pypi.simple.SimpleJson;
import io.pinrepo.spi.DirectoryKeys;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commits changes to a project's state and to the root page, each as one {@link
 * OptimisticCommit.Operation}. A project's JSON page (its state, the top) is replaced conditionally
 * on the version read; its HTML page is derived from the committed state by the operation's
 * post-commit step. The root HTML page is the root's top, replaced conditionally when it lacks the
 * project; its JSON twin is derived from it the same way. On a storage that holds directory keys,
 * the HTML pages are also written under {@code simple/} and {@code simple/<project>/}, as derived
 * files of the same commits. The versions of the derived pages are read before the top in every
 * attempt, so a slow writer of an older state loses to any page written since.
 */
final class ProjectCommitter {

  /** A change to a project's state; may refuse with an exception. */
  @FunctionalInterface
  interface Change {
    ProjectPage apply(ProjectPage current) throws IOException;
  }

  /** The largest project or root page read back. */
  static final int MAX_PAGE_BYTES = 64 << 20;

  private final Storage storage;
  private final OptimisticCommit commit;

  ProjectCommitter(Storage storage, OptimisticCommit commit) {
    this.storage = storage;
    this.commit = commit;
  }

  /** The committed state of {@code name}, if the project exists. */
  Optional<ProjectPage> read(ProjectName name) throws IOException {
    Top top = Top.read(storage, SimpleLayout.projectJson(name), MAX_PAGE_BYTES);
    return top.exists() ? Optional.of(parse(top)) : Optional.empty();
  }

  /**
   * A project's state before and after a change.
   *
   * @param written whether a new state was committed
   * @param html how the HTML page settled
   */
  record Committed(ProjectPage before, ProjectPage after, boolean written, Settlement html) {}

  /**
   * What the winning attempt on a project saw and did.
   *
   * @param token the version of the state committed (or found, when nothing was written)
   * @param html the HTML page's version, read before the state
   */
  private record ProjectAttempt(
      ProjectPage before, ProjectPage after, String token, ObjectVersions html, boolean written) {}

  /**
   * What the winning attempt on the root saw and did.
   *
   * @param token the version of the root page committed (or found)
   * @param twin the versions of the JSON twin (and the directory page), read before the root page
   * @param twinSize the size of each then, -1 when it was missing
   */
  private record RootAttempt(
      RootIndex root,
      String token,
      ObjectVersions twin,
      Map<ObjectKey, Long> twinSize,
      boolean written) {}

  /** The files derived from the root page: its JSON twin, and its directory-key copy. */
  private List<ObjectKey> rootTwins() {
    return DirectoryKeys.supported(storage)
        ? List.of(SimpleLayout.ROOT_JSON, SimpleLayout.ROOT_DIRECTORY)
        : List.of(SimpleLayout.ROOT_JSON);
  }

  /**
   * Applies {@code change} to the current state of {@code name} and commits the result. An
   * unchanged state is not written again, but a stale HTML page is brought up to it, which repairs
   * a change that crashed after its commit.
   */
  Committed change(ProjectName name, Change change) throws IOException {
    ObjectKey json = SimpleLayout.projectJson(name);
    OptimisticCommit.Operation operation = commit.start("simple/" + name);
    ProjectAttempt done =
        operation.commit(
            () -> {
              ObjectVersions html = ObjectVersions.read(storage, htmlPages(name));
              Top top = Top.read(storage, json, MAX_PAGE_BYTES);
              ProjectPage before = top.exists() ? parse(top) : ProjectPage.empty(name);
              ProjectPage after = change.apply(before);
              if (top.exists() && after.equals(before)) {
                String token = top.versionToken().orElseThrow();
                return new ProjectAttempt(before, after, token, html, false);
              }
              ObjectInfo written = top.replace(storage, SimpleJson.render(after));
              return new ProjectAttempt(before, after, written.versionToken(), html, true);
            });
    Settlement html = settleHtml(operation, name, done);
    return new Committed(done.before(), done.after(), done.written(), html);
  }

  /**
   * Brings the HTML page of {@code name} up to its committed state; {@link Settlement#TOP_GONE}
   * when the project has no state.
   */
  Settlement refreshHtml(ProjectName name) throws IOException {
    ObjectVersions html = ObjectVersions.read(storage, htmlPages(name));
    Top top = Top.read(storage, SimpleLayout.projectJson(name), MAX_PAGE_BYTES);
    if (!top.exists()) {
      return Settlement.TOP_GONE;
    }
    ProjectPage page = parse(top);
    ProjectAttempt found =
        new ProjectAttempt(page, page, top.versionToken().orElseThrow(), html, false);
    return settleHtml(commit.start("simple/" + name), name, found);
  }

  /**
   * The post-commit step of a project: writes its HTML page from the state committed (or found),
   * skipping a page that is already current when nothing was committed.
   */
  private Settlement settleHtml(
      OptimisticCommit.Operation operation, ProjectName name, ProjectAttempt done)
      throws IOException {
    byte[] page = SimpleHtml.render(done.after());
    if (!done.written() && allCurrent(htmlPages(name), page)) {
      return Settlement.CURRENT;
    }
    Map<ObjectKey, byte[]> files = new HashMap<>();
    htmlPages(name).forEach(key -> files.put(key, page));
    return operation.settle(
        storage,
        DerivedFiles.ofBytes(SimpleLayout.projectJson(name), done.token(), files, done.html()));
  }

  /**
   * Where a project's HTML page is written: {@code index.html}, and the directory key too when the
   * storage holds directory keys.
   */
  private List<ObjectKey> htmlPages(ProjectName name) {
    return DirectoryKeys.supported(storage)
        ? List.of(html(name), SimpleLayout.projectDirectory(name))
        : List.of(html(name));
  }

  /** Whether every key holds {@code bytes}; reads each (pages are small). */
  private boolean allCurrent(List<ObjectKey> keys, byte[] bytes) throws IOException {
    for (ObjectKey key : keys) {
      Top current = Top.read(storage, key, MAX_PAGE_BYTES);
      if (!current.exists() || !Arrays.equals(current.bytes(), bytes)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Adds {@code names} to the root page unless they are all listed already, then makes sure the
   * root JSON twin renders the committed page. The root only ever grows, so a twin of the right
   * size is the current one: the stat that reads its version also tells whether a crash left it
   * behind.
   *
   * @return whether the root was written, and how its twin settled
   */
  Listed ensureListed(Collection<ProjectName> names) throws IOException {
    OptimisticCommit.Operation operation = commit.start(SimpleLayout.ROOT.value());
    RootAttempt done =
        operation.commit(
            () -> {
              Map<ObjectKey, Optional<String>> tokens = new HashMap<>();
              Map<ObjectKey, Long> twinSize = new HashMap<>();
              for (ObjectKey key : rootTwins()) {
                Optional<ObjectInfo> twin = storage.stat(key);
                tokens.put(key, twin.map(ObjectInfo::versionToken));
                twinSize.put(key, twin.map(ObjectInfo::size).orElse(-1L));
              }
              ObjectVersions versions = new ObjectVersions(tokens);
              Top top = Top.read(storage, SimpleLayout.ROOT, MAX_PAGE_BYTES);
              RootIndex current = RootIndex.parse(top.bytes());
              if (top.exists() && names.stream().allMatch(current::contains)) {
                String token = top.versionToken().orElseThrow();
                return new RootAttempt(current, token, versions, twinSize, false);
              }
              RootIndex next = current;
              for (ProjectName name : names) {
                next = next.contains(name) ? next : next.with(name);
              }
              ObjectInfo written = top.replace(storage, next.render());
              return new RootAttempt(next, written.versionToken(), versions, twinSize, true);
            });
    Map<ObjectKey, byte[]> twins = new HashMap<>();
    twins.put(SimpleLayout.ROOT_JSON, done.root().renderJson());
    if (DirectoryKeys.supported(storage)) {
      twins.put(SimpleLayout.ROOT_DIRECTORY, done.root().render());
    }
    boolean current =
        twins.entrySet().stream()
            .allMatch(t -> done.twinSize().get(t.getKey()) == t.getValue().length);
    if (!done.written() && current) {
      return new Listed(false, Settlement.CURRENT);
    }
    Settlement settled =
        operation.settle(
            storage, DerivedFiles.ofBytes(SimpleLayout.ROOT, done.token(), twins, done.twin()));
    return new Listed(done.written(), settled);
  }

  /**
   * What {@link #ensureListed} did.
   *
   * @param written whether the root page was written
   * @param json how its JSON twin settled
   */
  record Listed(boolean written, Settlement json) {}

  /** The projects the root page lists. */
  RootIndex root() throws IOException {
    return RootIndex.parse(Top.read(storage, SimpleLayout.ROOT, MAX_PAGE_BYTES).bytes());
  }

  private static ObjectKey html(ProjectName name) {
    return SimpleLayout.projectHtml(name);
  }

  private static ProjectPage parse(Top top) throws IOException {
    try {
      return SimpleJson.parse(top.bytes());
    } catch (IOException e) {
      throw new IOException(top.key() + ": " + e.getMessage(), e);
    }
  }
}
