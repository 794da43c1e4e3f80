package io.pinrepo.cli;

import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.rpm.RpmRepository;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The RPM part of {@code pinrepo demo}: a signed {@code pinrepo-demo} package (built with
 * RpmBuilder, its header signed with the demo key) in a signed repository at {@link #PATH}, and the
 * {@code .repo} file that makes dnf check both signatures.
 */
final class DemoRpm {
  /** The repository path of the demo's RPM repository. */
  static final String PATH = "rpm";

  /** The RPM release of the demo package. */
  static final String RELEASE = "1";

  private DemoRpm() {}

  /** Publishes the demo package, unless it is there already (its signature differs each run). */
  static void publish(Storage storage, Signer signer, Clock clock, Path work) throws IOException {
    RpmRepository rpm = RpmRepository.builder(storage).signer(signer).clock(clock).build();
    String nevra = DemoCommand.NAME + "-" + DemoCommand.VERSION + "-" + RELEASE + ".noarch";
    if (rpm.list(PATH).stream().anyMatch(r -> r.toString().equals(nevra))) {
      return;
    }
    Path file =
        RpmBuilder.of(DemoCommand.NAME, DemoCommand.VERSION, RELEASE, "noarch")
            .summary("pinrepo's demo package")
            .description("It only installs a note.")
            .file(
                "/usr/share/doc/" + DemoCommand.NAME + "/README",
                "published by pinrepo\n".getBytes(StandardCharsets.UTF_8))
            .signedBy(header -> signer.detachedSignature(new ByteArrayInputStream(header)))
            .writeTo(work);
    rpm.publish(PATH, List.of(file));
  }

  /** Prints the {@code .repo} file to paste, with the armored public key at {@code key}. */
  static void printRepoFile(PrintWriter out, URI base, Path key) {
    out.println(
        "dnf (Fedora, RHEL, CentOS): save as /etc/yum.repos.d/" + DemoCommand.NAME + ".repo");
    out.println("  [" + DemoCommand.NAME + "]");
    out.println("  name=pinrepo demo");
    out.println("  baseurl=" + base.resolve(PATH));
    out.println("  enabled=1");
    out.println("  gpgcheck=1");
    out.println("  repo_gpgcheck=1");
    out.println("  gpgkey=" + key.toUri());
    out.println("  sudo dnf install " + DemoCommand.NAME);
    out.println();
  }
}
