package io.pinrepo.rpm;

import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.format.Retention;
import io.pinrepo.rpm.repodata.PackageEntry;
import io.pinrepo.rpm.repodata.PackageSummary;
import io.pinrepo.rpm.version.Nevra;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adds packages to a path: a package listed with the same NEVRA and bytes is unchanged, one listed
 * with the same NEVRA and other bytes is a conflict (every conflict of the batch is named), and
 * then the retention drops versions of each name and architecture published. Only the listed
 * packages of a name and architecture being published are kept in memory.
 */
final class PublishEdit implements Edit {

  /**
   * A package file to publish.
   *
   * @param source the file as the caller named it, for messages
   * @param entry its repodata entry, at the location it is (or will be) uploaded to
   */
  record Incoming(String source, PackageEntry entry) {}

  /** A version of a name and architecture, listed or incoming. */
  private record Candidate(Nevra nevra, RpmRef ref, PackageEntry incoming) {}

  private static final Comparator<Candidate> BY_EVR = Comparator.comparing(c -> c.nevra().evr());

  private final RepoPath path;
  private final List<Incoming> incoming;
  private final Retention retention;
  private final Map<String, Integer> byNevra = new HashMap<>();
  private final Set<String> touched = new HashSet<>();
  private final Map<Integer, PinrepoException> conflicts = new TreeMap<>();
  private final Map<Integer, RpmRef> unchanged = new LinkedHashMap<>();
  private final Map<String, List<Candidate>> listedVersions = new HashMap<>();

  PublishEdit(RepoPath path, List<Incoming> incoming, Retention retention) {
    this.path = path;
    this.incoming = List.copyOf(incoming);
    this.retention = retention;
    for (int i = 0; i < this.incoming.size(); i++) {
      Nevra nevra = this.incoming.get(i).entry().nevra();
      byNevra.put(nevra.toString(), i);
      touched.add(nameArch(nevra));
    }
  }

  @Override
  public void listed(PackageSummary summary) {
    Integer i = byNevra.get(summary.nevra().toString());
    if (i != null) {
      PackageEntry mine = incoming.get(i).entry();
      if (mine.pkgId().equals(summary.pkgId())) {
        unchanged.put(i, ref(path, summary));
      } else {
        conflicts.put(i, conflict(incoming.get(i).source(), mine, summary));
      }
    }
    String key = nameArch(summary.nevra());
    if (touched.contains(key)) {
      listedVersions
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new Candidate(summary.nevra(), ref(path, summary), null));
    }
  }

  @Override
  public Plan plan(int listed) throws PinrepoException {
    if (!conflicts.isEmpty()) {
      throw RefusedBatchException.refusal(List.copyOf(conflicts.values()));
    }
    Map<String, List<Candidate>> news = new TreeMap<>();
    for (int i = 0; i < incoming.size(); i++) {
      if (!unchanged.containsKey(i)) {
        PackageEntry e = incoming.get(i).entry();
        news.computeIfAbsent(nameArch(e.nevra()), k -> new ArrayList<>())
            .add(new Candidate(e.nevra(), ref(path, e), e));
      }
    }
    Set<String> dropped = new HashSet<>();
    List<PackageEntry> additions = new ArrayList<>();
    List<RpmRef> added = new ArrayList<>();
    List<RpmRef> removed = new ArrayList<>();
    for (Map.Entry<String, List<Candidate>> group : news.entrySet()) {
      List<Candidate> versions = new ArrayList<>(group.getValue());
      versions.addAll(listedVersions.getOrDefault(group.getKey(), List.of()));
      Candidate newest = group.getValue().stream().max(BY_EVR).orElseThrow();
      Set<Candidate> drop = new HashSet<>(retention.dropped(versions, newest, BY_EVR));
      for (Candidate c : versions) {
        boolean gone = drop.contains(c);
        if (c.incoming() != null && !gone) {
          additions.add(c.incoming());
          added.add(c.ref());
        } else if (gone) {
          removed.add(c.ref());
          if (c.incoming() == null) {
            dropped.add(path.relative(c.ref().file()));
          }
        }
      }
    }
    int packages = listed - dropped.size() + additions.size();
    return new Plan(dropped, additions, packages, added, List.copyOf(unchanged.values()), removed);
  }

  static RpmRef ref(RepoPath path, PackageSummary s) {
    return new RpmRef(path.value(), s.nevra(), path.key(s.location()), s.packageSize(), s.pkgId());
  }

  static RpmRef ref(RepoPath path, PackageEntry e) {
    return new RpmRef(path.value(), e.nevra(), path.key(e.location()), e.packageSize(), e.pkgId());
  }

  private PackageConflictException conflict(
      String source, PackageEntry mine, PackageSummary listed) {
    return new PackageConflictException(
        source
            + ": "
            + mine.nevra()
            + " is already published in "
            + path
            + " with other content (sha256 "
            + listed.pkgId()
            + ", not "
            + mine.pkgId()
            + "); publish it under a new release");
  }

  private static String nameArch(Nevra nevra) {
    return nevra.name() + "." + nevra.arch();
  }
}
