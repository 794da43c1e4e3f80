package io.pinrepo.rpm;

/**
 * Where a publish puts source packages ({@code .src.rpm}), which dnf lists apart from binary ones.
 */
public enum SourcePlacement {
  /**
   * In their own repository beside the binary one, named {@code SRPMS}: publishing into {@code
   * el9/x86_64} puts sources into {@code el9/SRPMS}, the layout of EPEL and of the older Fedora and
   * CentOS trees, which {@code dnf download --source} reaches through a {@code -source} repository.
   * A path of one segment gets {@code SRPMS} at the top. The default.
   */
  SRPMS_BESIDE,
  /**
   * In the same repository as the binaries, as DLRN and Copr publish them: dnf ignores the {@code
   * src} architecture unless asked for sources.
   */
  WITH_BINARIES
}
