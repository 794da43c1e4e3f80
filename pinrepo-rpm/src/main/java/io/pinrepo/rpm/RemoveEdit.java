package io.pinrepo.rpm;

import io.pinrepo.rpm.repodata.PackageSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Drops the listed packages a selector matches. */
final class RemoveEdit implements Edit {
  private final RepoPath path;
  private final RpmSelector selector;
  private final Set<String> dropped = new HashSet<>();
  private final List<RpmRef> removed = new ArrayList<>();

  RemoveEdit(RepoPath path, RpmSelector selector) {
    this.path = path;
    this.selector = selector;
  }

  @Override
  public void listed(PackageSummary summary) {
    if (selector.matches(summary.nevra())) {
      dropped.add(summary.location());
      removed.add(PublishEdit.ref(path, summary));
    }
  }

  @Override
  public Plan plan(int listed) {
    return new Plan(dropped, List.of(), listed - dropped.size(), List.of(), List.of(), removed);
  }
}
