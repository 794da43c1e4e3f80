package io.pinrepo.pypi;

import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.Blobs;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.hash.Digests;
import io.pinrepo.pypi.metadata.Distribution;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes a batch of distributions that have all been read and checked, all or nothing as far as
 * the storage allows:
 *
 * <ol>
 *   <li>Every file is checked against the current state of its project before anything is written:
 *       a name the project lists with other bytes, or a name taken by other bytes that no index
 *       lists (a deleted version, an unfinished upload), refuses the whole batch, naming each such
 *       file. So do two files of the batch with one name and other bytes.
 *   <li>The files and their {@code .metadata} are uploaded as blobs. A conflict now (another
 *       publisher uploaded other bytes under a name since the check) takes back every blob this
 *       publish created and no committed index names, and refuses the batch.
 *   <li>Each project's files are committed together, in one commit per project, projects in the
 *       order of their first file; then the root lists every project of the batch in one commit.
 * </ol>
 *
 * <p>What is left of "all or nothing": a batch across several projects commits them one after
 * another, so when a later project's commit is refused after an earlier one's succeeded (another
 * publisher committed other bytes under one of its names between the check and the commit, or kept
 * winning until the retry budget ran out), the earlier projects stay published and listed in the
 * root, the refused project's and the later projects' uploads are taken back, and the exception is
 * thrown. The check in step 1 leaves only that window between check and commit.
 */
final class BatchPublish {

  private final Storage storage;
  private final Settings settings;
  private final ProjectCommitter committer;

  BatchPublish(Storage storage, Settings settings, ProjectCommitter committer) {
    this.storage = storage;
    this.settings = settings;
    this.committer = committer;
  }

  /** One file to publish, with its entry in the index. */
  private record Item(Distribution dist, ProjectFile listing) {
    String fileName() {
      return listing.fileName();
    }
  }

  /**
   * Publishes {@code distributions}, given in this order.
   *
   * @throws PackageConflictException when one file conflicts; nothing is written
   * @throws RefusedBatchException when several do, naming each; nothing is written
   */
  ChangeReport<DistributionRef> publish(List<Distribution> distributions) throws IOException {
    Map<ProjectName, List<Item>> batch = group(distributions);
    checkConflicts(batch);
    Uploads uploads = new Uploads(storage, settings.clock());
    Map<ProjectName, List<Item>> uploaded = upload(batch, uploads);
    Changes changes = new Changes();
    List<ProjectName> committed = new ArrayList<>();
    for (Map.Entry<ProjectName, List<Item>> project : uploaded.entrySet()) {
      try {
        commit(project.getKey(), project.getValue(), changes);
      } catch (IOException | RuntimeException e) {
        takeBack(batch, committed, uploads, e);
        listAfterRefusal(committed, e);
        throw e;
      }
      committed.add(project.getKey());
    }
    uploads.restoreReused(key -> true);
    ProjectCommitter.Listed listed = committer.ensureListed(committed);
    changes.committed(listed.written(), listed.json());
    return changes.report();
  }

  /** Groups the batch by project, in the order given, dropping a file given twice. */
  private Map<ProjectName, List<Item>> group(List<Distribution> distributions)
      throws PinrepoException {
    Map<ProjectName, List<Item>> batch = new LinkedHashMap<>();
    Map<String, Item> byName = new HashMap<>();
    List<PinrepoException> refused = new ArrayList<>();
    for (Distribution dist : distributions) {
      Item item = new Item(dist, listing(dist));
      Item same = byName.putIfAbsent(item.fileName(), item);
      if (same == null) {
        batch.computeIfAbsent(dist.name().project(), p -> new ArrayList<>()).add(item);
      } else if (!same.listing().sha256().equals(item.listing().sha256())) {
        refused.add(
            conflict(
                dist,
                "has the same name as "
                    + same.dist().file()
                    + " but other content; a file name names one content"));
        byName.put(item.fileName(), same);
      }
    }
    if (!refused.isEmpty()) {
      throw RefusedBatchException.refusal(refused);
    }
    return batch;
  }

  private ProjectFile listing(Distribution dist) {
    Digests digests = dist.digests();
    return new ProjectFile(
        dist.name().fileName(),
        digests.sha256(),
        digests.size(),
        settings.clock().instant().truncatedTo(ChronoUnit.MICROS),
        dist.metadata().requiresPython(),
        dist.coreMetadataFile().map(bytes -> Digests.of(bytes).sha256()),
        Optional.empty());
  }

  /**
   * Step 1: refuses the batch, naming every file, when any of its names is taken by other bytes.
   * Reads each project's state once and stats each file no index lists.
   */
  private void checkConflicts(Map<ProjectName, List<Item>> batch) throws IOException {
    List<PinrepoException> refused = new ArrayList<>();
    for (Map.Entry<ProjectName, List<Item>> project : batch.entrySet()) {
      ProjectPage page =
          committer.read(project.getKey()).orElse(ProjectPage.empty(project.getKey()));
      for (Item item : project.getValue()) {
        Optional<ProjectFile> listed = page.file(item.fileName());
        String want = item.listing().sha256();
        if (listed.isPresent()) {
          if (!listed.get().sha256().equals(want)) {
            refused.add(published(item, listed.get().sha256()));
          }
          continue;
        }
        Optional<String> taken = takenBy(item);
        if (taken.isPresent() && !taken.get().equals("sha256 " + want)) {
          refused.add(
              conflict(
                  item.dist(),
                  item.fileName()
                      + " was uploaded before with other content ("
                      + taken.get()
                      + ") and is not listed now; a file name, once used, never names other"
                      + " content"));
        }
      }
    }
    if (!refused.isEmpty()) {
      throw RefusedBatchException.refusal(refused);
    }
  }

  /** What is under the file's key, if anything: its size when that differs, else its SHA-256. */
  private Optional<String> takenBy(Item item) throws IOException {
    var key = SimpleLayout.file(item.dist().name().project(), item.fileName());
    Optional<ObjectInfo> info = storage.stat(key);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    if (info.get().size() != item.listing().size()) {
      return Optional.of(info.get().size() + " bytes, not " + item.listing().size());
    }
    return Optional.of("sha256 " + Blobs.digestsOf(storage, key).sha256());
  }

  /**
   * Step 2: uploads every file and its {@code .metadata}; on any failure takes back what this
   * publish created.
   */
  private Map<ProjectName, List<Item>> upload(Map<ProjectName, List<Item>> batch, Uploads uploads)
      throws IOException {
    for (List<Item> items : batch.values()) {
      for (Item item : items) {
        try {
          uploadBlobs(item, uploads);
        } catch (PackageConflictException e) {
          PackageConflictException named = conflict(item.dist(), e.getMessage());
          named.initCause(e);
          takeBack(batch, List.of(), uploads, named);
          throw named;
        } catch (IOException | RuntimeException e) {
          takeBack(batch, List.of(), uploads, e);
          throw e;
        }
      }
    }
    return batch;
  }

  private void uploadBlobs(Item item, Uploads uploads) throws IOException {
    Distribution dist = item.dist();
    ProjectName project = dist.name().project();
    uploads.put(
        SimpleLayout.file(project, item.fileName()),
        ContentSource.ofPath(dist.file()),
        dist.digests(),
        item.fileName());
    Optional<byte[]> metadata = dist.coreMetadataFile();
    if (metadata.isPresent()) {
      uploads.put(
          SimpleLayout.coreMetadata(project, item.fileName()),
          ContentSource.ofBytes(metadata.get()),
          Digests.of(metadata.get()),
          item.fileName());
    }
  }

  /** Step 3 for one project: adds its files in one commit and applies the retention. */
  private void commit(ProjectName project, List<Item> items, Changes changes) throws IOException {
    ProjectCommitter.Committed c = committer.change(project, page -> withFiles(page, items));
    Set<String> touched = new HashSet<>();
    for (Item item : items) {
      touched.add(item.fileName());
    }
    changes.diff(c.before(), c.after(), touched);
    for (Item item : items) {
      if (c.before().file(item.fileName()).isEmpty() && c.after().file(item.fileName()).isEmpty()) {
        changes.droppedAtOnce(item.listing());
      }
    }
    changes.committed(c.written(), c.html());
  }

  /**
   * The page with {@code items} added; files listed already with the same bytes stay as they are.
   * The retention is applied for the newest version published, also when every file was listed
   * already, so that a republish with a tighter retention prunes.
   */
  private ProjectPage withFiles(ProjectPage current, List<Item> items) throws IOException {
    List<PinrepoException> refused = new ArrayList<>();
    ProjectPage next = current;
    Item newest = items.get(0);
    for (Item item : items) {
      Optional<ProjectFile> listed = current.file(item.fileName());
      if (listed.isEmpty()) {
        next = next.with(item.listing());
      } else if (!listed.get().sha256().equals(item.listing().sha256())) {
        refused.add(published(item, listed.get().sha256()));
      }
      if (item.listing().version().compareTo(newest.listing().version()) > 0) {
        newest = item;
      }
    }
    if (!refused.isEmpty()) {
      throw RefusedBatchException.refusal(refused);
    }
    return next.retaining(settings.retention(), newest.listing().version());
  }

  /**
   * Takes back the uploads of every project of the batch not in {@code committed}, except files
   * that a committed index names by now.
   */
  private void takeBack(
      Map<ProjectName, List<Item>> batch,
      List<ProjectName> committed,
      Uploads uploads,
      Exception refusal) {
    Set<String> mine = new HashSet<>();
    Set<String> named = new HashSet<>();
    try {
      for (Map.Entry<ProjectName, List<Item>> project : batch.entrySet()) {
        if (committed.contains(project.getKey())) {
          continue;
        }
        project.getValue().forEach(item -> mine.add(item.fileName()));
        committer
            .read(project.getKey())
            .ifPresent(page -> page.files().forEach(f -> named.add(f.fileName())));
      }
    } catch (IOException | RuntimeException e) {
      refusal.addSuppressed(e);
      return; // cannot tell what is named: leave the blobs to GC
    }
    uploads.undo(mine::contains, named, refusal);
  }

  /** Lists the projects committed before a refusal in the root, so that none is left unlisted. */
  private void listAfterRefusal(List<ProjectName> committed, Exception refusal) {
    if (committed.isEmpty()) {
      return;
    }
    try {
      committer.ensureListed(committed);
    } catch (IOException | RuntimeException e) {
      refusal.addSuppressed(e);
    }
  }

  private static PackageConflictException published(Item item, String listedSha256) {
    return conflict(
        item.dist(),
        item.fileName()
            + " is already published with other content (sha256 "
            + listedSha256
            + ", not "
            + item.listing().sha256()
            + "); publish it under a new version");
  }

  private static PackageConflictException conflict(Distribution dist, String problem) {
    return new PackageConflictException(dist.file() + ": " + problem);
  }
}
