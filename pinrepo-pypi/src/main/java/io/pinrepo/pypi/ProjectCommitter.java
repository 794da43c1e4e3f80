package io.pinrepo.pypi;

import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Top;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.pypi.simple.RootIndex;
import io.pinrepo.pypi.simple.SimpleHtml;
import io.pinrepo.pypi.simple.SimpleJson;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.Optional;

/**
 * Commits changes to a project's state and the root page, in the protocol's order: the JSON page
 * (the state) is replaced conditionally on the version read; the HTML page is then rendered from
 * the committed state and re-checked against it, so that a slower committer never leaves an older
 * HTML page behind; the root page is replaced conditionally when it lacks the project.
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

  /** The state before and after a change, and the version token of the state now committed. */
  record Committed(ProjectPage before, ProjectPage after, String token) {}

  /**
   * Applies {@code change} to the current state of {@code name} and commits the result. An
   * unchanged state is not written again, but the HTML page is refreshed from it in any case, which
   * repairs a publish that crashed after its commit.
   */
  Committed change(ProjectName name, Change change) throws IOException {
    Committed committed =
        commit.run(
            "simple/" + name,
            () -> {
              Top top = Top.read(storage, SimpleLayout.projectJson(name), MAX_PAGE_BYTES);
              ProjectPage before = top.exists() ? parse(top) : ProjectPage.empty(name);
              ProjectPage after = change.apply(before);
              if (top.exists() && after.equals(before)) {
                return new Committed(before, after, top.versionToken().orElseThrow());
              }
              ObjectInfo written = top.replace(storage, SimpleJson.render(after));
              return new Committed(before, after, written.versionToken());
            });
    writeHtml(name, committed.after(), committed.token());
    return committed;
  }

  /** Rewrites the HTML page of {@code name} from its committed state, if the project exists. */
  void refreshHtml(ProjectName name) throws IOException {
    Top top = Top.read(storage, SimpleLayout.projectJson(name), MAX_PAGE_BYTES);
    if (top.exists()) {
      writeHtml(name, parse(top), top.versionToken().orElseThrow());
    }
  }

  /**
   * Writes the HTML page for {@code page}, committed as {@code token}; if the state moved on
   * meanwhile, renders the newer state and writes again, so the last HTML write is never stale.
   * Each write is conditional on the page's version read before the state it renders, so a slow
   * writer of an older state loses to any page written since: even one that dies right after its
   * write cannot leave the page older than a publish that already reported success.
   */
  private void writeHtml(ProjectName name, ProjectPage page, String token) throws IOException {
    ObjectKey htmlKey = SimpleLayout.projectHtml(name);
    ObjectKey jsonKey = SimpleLayout.projectJson(name);
    ProjectPage current = page;
    String currentToken = token;
    while (true) {
      Optional<ObjectInfo> html = storage.stat(htmlKey);
      Optional<ObjectInfo> json = storage.stat(jsonKey);
      if (json.isEmpty()) {
        return;
      }
      if (!json.get().versionToken().equals(currentToken)) {
        Top top = Top.read(storage, jsonKey, MAX_PAGE_BYTES);
        if (!top.exists()) {
          return;
        }
        current = parse(top);
        currentToken = top.versionToken().orElseThrow();
      }
      WriteCondition condition =
          html.isPresent()
              ? WriteCondition.matches(html.get().versionToken())
              : WriteCondition.mustBeAbsent();
      try {
        storage.write(htmlKey, ContentSource.ofBytes(SimpleHtml.render(current)), condition);
      } catch (PreconditionFailedException e) {
        continue; // written by another publisher since we read it: read both again
      }
      Optional<ObjectInfo> now = storage.stat(jsonKey);
      if (now.isEmpty() || now.get().versionToken().equals(currentToken)) {
        return;
      }
    }
  }

  /**
   * Adds {@code name} to the root page unless it is listed already, then makes sure the root JSON
   * twin matches the committed page. The root only ever grows, so a JSON twin of the right size is
   * the current one; a stat tells, and a twin left behind by a crash is rewritten.
   */
  void ensureListed(ProjectName name) throws IOException {
    RootIndex root =
        commit.run(
            "simple/index.html",
            () -> {
              Top top = Top.read(storage, SimpleLayout.ROOT, MAX_PAGE_BYTES);
              RootIndex current = RootIndex.parse(top.bytes());
              if (current.contains(name)) {
                return current;
              }
              RootIndex next = current.with(name);
              top.replace(storage, next.render());
              return next;
            });
    Optional<ObjectInfo> json = storage.stat(SimpleLayout.ROOT_JSON);
    if (json.isEmpty() || json.get().size() != root.renderJson().length) {
      writeRootJson();
    }
  }

  private void writeRootJson() throws IOException {
    while (true) {
      Top top = Top.read(storage, SimpleLayout.ROOT, MAX_PAGE_BYTES);
      byte[] json = RootIndex.parse(top.bytes()).renderJson();
      storage.write(SimpleLayout.ROOT_JSON, ContentSource.ofBytes(json), WriteCondition.none());
      Optional<ObjectInfo> now = storage.stat(SimpleLayout.ROOT);
      if (now.isEmpty() || now.get().versionToken().equals(top.versionToken().orElse(""))) {
        return;
      }
    }
  }

  /** The projects the root page lists. */
  RootIndex root() throws IOException {
    return RootIndex.parse(Top.read(storage, SimpleLayout.ROOT, MAX_PAGE_BYTES).bytes());
  }

  private static ProjectPage parse(Top top) throws IOException {
    try {
      return SimpleJson.parse(top.bytes());
    } catch (IOException e) {
      throw new IOException(top.key() + ": " + e.getMessage(), e);
    }
  }
}
