package io.pinrepo.rpm;

import io.pinrepo.rpm.repodata.PackageSummary;
import java.io.IOException;

/**
 * A change to one path's package list, decided in one pass over {@code primary.xml}: it sees each
 * listed package once, then makes its {@link Plan}. A fresh edit is made for every commit attempt.
 */
interface Edit {

  /** Looks at one listed package. */
  void listed(PackageSummary summary) throws IOException;

  /**
   * The plan, after the last listed package.
   *
   * @param listed how many packages primary.xml listed
   * @throws io.pinrepo.PinrepoException when the change is refused (a conflict)
   */
  Plan plan(int listed) throws IOException;
}
