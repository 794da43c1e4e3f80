package io.pinrepo.debian;

import io.pinrepo.format.ChangeReport;
import io.pinrepo.spi.ObjectKey;
import java.util.List;
import java.util.Objects;

/**
 * What {@link AptRepository#purge} did.
 *
 * @param removal the change to the distribution's indexes: the packages taken out now
 * @param purged every package whose pool file the purge dealt with: those taken out now and those
 *     only superseded indexes still listed
 * @param deleted the pool files deleted
 * @param kept the pool files kept because an index of another distribution or component (current,
 *     or superseded and within its by-hash retention) still lists them, or because they changed
 *     while the purge ran
 */
public record PurgeReport(
    ChangeReport<PackageRef> removal,
    List<PackageRef> purged,
    List<ObjectKey> deleted,
    List<ObjectKey> kept) {

  /** Copies the lists. */
  public PurgeReport {
    Objects.requireNonNull(removal, "removal");
    purged = List.copyOf(purged);
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
  }
}
