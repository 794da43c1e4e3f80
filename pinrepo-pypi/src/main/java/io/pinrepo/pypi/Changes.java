package io.pinrepo.pypi;

import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.pypi.simple.ProjectPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects what one or more project commits did into a {@link ChangeReport}. Not thread-safe: one
 * operation fills one instance.
 */
final class Changes {
  private final List<DistributionRef> added = new ArrayList<>();
  private final List<DistributionRef> unchanged = new ArrayList<>();
  private final List<DistributionRef> removed = new ArrayList<>();
  private boolean committed;
  private Settlement derived = Settlement.CURRENT;

  /**
   * Records a project's change from {@code before} to {@code after}: files listed now and not
   * before, or listed differently (yanked, unyanked), are added; files no longer listed are
   * removed; files in {@code touched} listed the same before and after are unchanged.
   */
  void diff(ProjectPage before, ProjectPage after, Set<String> touched) {
    for (ProjectFile now : after.files()) {
      Optional<ProjectFile> was = before.file(now.fileName());
      if (was.isEmpty() || !was.get().equals(now)) {
        added.add(DistributionRef.of(now));
      } else if (touched.contains(now.fileName())) {
        unchanged.add(DistributionRef.of(now));
      }
    }
    for (ProjectFile was : before.files()) {
      if (after.file(was.fileName()).isEmpty()) {
        removed.add(DistributionRef.of(was));
      }
    }
  }

  /** Records a file that was published and dropped by retention in the same commit. */
  void droppedAtOnce(ProjectFile file) {
    removed.add(DistributionRef.of(file));
  }

  /** Records one commit's outcome: whether it wrote a top, and how its derived files settled. */
  void committed(boolean written, Settlement settlement) {
    committed |= written;
    if (settlement.ordinal() > derived.ordinal()) {
      derived = settlement;
    }
  }

  /**
   * The report of everything recorded; of several settlements, the one furthest from {@link
   * Settlement#CURRENT} in the enum's order.
   */
  ChangeReport<DistributionRef> report() {
    return new ChangeReport<>(added, unchanged, removed, committed, derived);
  }
}
