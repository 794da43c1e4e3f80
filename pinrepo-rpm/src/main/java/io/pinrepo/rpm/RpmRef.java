package io.pinrepo.rpm;

import io.pinrepo.format.Entry;
import io.pinrepo.rpm.version.Nevra;
import io.pinrepo.spi.ObjectKey;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A package as a repository's {@code primary.xml} lists it: the RPM {@link Entry}.
 *
 * @param path the repository path it is listed in, such as {@code el9/x86_64}
 * @param nevra its name, epoch, version, release and architecture ({@code src} for a source RPM)
 * @param file its package file
 * @param size the file's size in bytes
 * @param sha256 the file's SHA-256 in lower-case hex (its {@code pkgid})
 */
public record RpmRef(String path, Nevra nevra, ObjectKey file, long size, String sha256)
    implements Entry {

  /** Path, name, EVR in rpm's order, architecture, then file. */
  static final Comparator<RpmRef> ORDER =
      Comparator.comparing(RpmRef::path)
          .thenComparing(r -> r.nevra().name())
          .thenComparing(r -> r.nevra().evr())
          .thenComparing(r -> r.nevra().arch())
          .thenComparing(RpmRef::file);

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Rejects nulls, a negative size and a malformed digest. */
  public RpmRef {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(nevra, "nevra");
    Objects.requireNonNull(file, "file");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    if (!SHA256.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
  }

  @Override
  public String name() {
    return nevra.name();
  }

  /** The epoch-version-release, {@code [E:]V-R}. */
  @Override
  public String version() {
    return nevra.evr().toString();
  }

  /** The architecture, {@code src} for a source package. */
  public String arch() {
    return nevra.arch();
  }

  /** {@code name-[E:]V-R.arch}, as {@code pinrepo rpm list} prints it. */
  @Override
  public String toString() {
    return nevra.toString();
  }
}
