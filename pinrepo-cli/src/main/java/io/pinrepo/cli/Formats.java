package io.pinrepo.cli;

import io.pinrepo.build.format.BuildFormat;
import io.pinrepo.debian.AptFormat;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.maven.MavenFormat;
import io.pinrepo.pypi.PypiFormat;
import java.util.List;

/** The formats repository-wide commands (verify, gc) look for. */
final class Formats {
  private Formats() {}

  static List<RepositoryFormat> all() {
    return all(new BuildFormat());
  }

  /** Every format, with {@code builds} for the build format's GC settings. */
  static List<RepositoryFormat> all(BuildFormat builds) {
    return List.of(new AptFormat(), new MavenFormat(), new PypiFormat(), builds);
  }
}
