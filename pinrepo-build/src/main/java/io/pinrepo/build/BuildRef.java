package io.pinrepo.build;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.format.Entry;
import io.pinrepo.spi.ObjectKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One build as a name's listing shows it, known from its listing marker alone (no manifest read):
 * the {@link Entry} of every {@link io.pinrepo.format.ChangeReport} a {@link BuildRepository}
 * returns and of every {@link BuildPage}. Its {@link #file()} is the build's manifest, which names
 * the build's files.
 *
 * @param buildName the build line
 * @param buildVersion the build's version
 * @param time when it was published, by the publisher's clock, to the millisecond
 */
public record BuildRef(BuildName buildName, BuildVersion buildVersion, Instant time)
    implements Entry {

  /** Rejects nulls. */
  public BuildRef {
    Objects.requireNonNull(buildName, "buildName");
    Objects.requireNonNull(buildVersion, "buildVersion");
    Objects.requireNonNull(time, "time");
  }

  /** The build line, such as {@code web}. */
  @Override
  public String name() {
    return buildName.value();
  }

  /** The version, such as {@code 1.4.2}. */
  @Override
  public String version() {
    return buildVersion.value();
  }

  /** The build's manifest: the object that makes the build exist and lists its files. */
  @Override
  public ObjectKey file() {
    return BuildLayout.manifest(buildName, buildVersion);
  }

  /** {@code name version}, as {@code pinrepo build publish} prints it. */
  @Override
  public String toString() {
    return buildName + " " + buildVersion;
  }
}
