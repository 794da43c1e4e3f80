package io.pinrepo.stress;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.PackageRef;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.verify.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a repository lists, read back through the formats, and the verdict of verify. */
final class Repo {
  private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

  private Repo() {}

  /** The problems verify finds with every format, signatures unchecked. */
  static List<Problem> verify(Storage storage) throws IOException {
    return new Verification(RepositoryFormats.installed())
        .run(storage, VerifyContext.unsigned())
        .problems();
  }

  /**
   * What the final indexes list of {@link StressPublisher}'s publishes, in its own words: {@code
   * "apt ID.I"}, {@code "pypi ID.I"}, {@code "maven ID.I"}.
   */
  static Set<String> listed(Storage storage) throws IOException {
    Set<String> listed = new TreeSet<>();
    for (PackageRef ref : AptRepository.builder(storage).build().list(StressPublisher.DIST)) {
      if (ref.name().startsWith("p") && ref.version().toString().startsWith("1.")) {
        listed.add("apt " + ref.name().substring(1) + "." + ref.version().toString().substring(2));
      }
    }
    PypiRepository.on(storage)
        .read(ProjectName.of(StressPublisher.PROJECT))
        .ifPresent(page -> page.versions().forEach(v -> listed.add("pypi " + v)));
    String metadata =
        text(
            storage,
            StressPublisher.GROUP.replace('.', '/')
                + "/"
                + StressPublisher.ARTIFACT
                + "/maven-metadata.xml");
    Matcher m = VERSION.matcher(metadata);
    while (m.find()) {
      listed.add("maven " + m.group(1));
    }
    return listed;
  }

  /**
   * A file that a crash between a commit and the writes that follow it left at the previous state:
   * a PyPI HTML page (or root JSON twin) behind the JSON state, an apt legacy (non-by-hash) index
   * behind the Release, or the checksum files of a maven-metadata.xml behind it. Everything it
   * names exists; a reader using by-hash or PEP 691 JSON never sees it; the next change, or
   * repeating the crashed operation, rewrites it.
   */
  static boolean isBehindItsCommit(Problem p) {
    return (p.format().equals("pypi") && p.description().startsWith("does not match"))
        || (p.format().equals("maven")
            && p.key().value().matches(".*maven-metadata\\.xml(\\.(md5|sha1|sha256|sha512))?")
            && !p.description().contains("missing"))
        || (p.format().equals("apt")
            && !p.key().value().contains("/by-hash/")
            && p.description().startsWith("differs from the Release"));
  }

  static String text(Storage storage, String key) throws IOException {
    try (ObjectStream in = storage.read(ObjectKey.of(key))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (ObjectNotFoundException e) {
      return "";
    }
  }
}
