package io.pinrepo.cli;

import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.spi.Storage;
import io.pinrepo.verify.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pinrepo verify}: checks every format found in a repository; exit 1 when anything is off.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a repository's indexes, files and signatures.",
      "",
      "Check that every index entry's file exists with the listed size and hashes,",
      "that Release files list their indexes exactly, that signatures check and that",
      "Maven checksum files match. Without --public-key, signatures are not checked,",
      "and verify says so on stderr. Exit 0 when clean, 1 otherwise."
    })
final class VerifyCommand implements Callable<Integer> {

  private static final String SIGNATURE = "application/pgp-signature";

  @Mixin RepoOptions repo;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      description = "Armored or binary OpenPGP public key the signatures must check against.")
  Path publicKey;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(
      names = "--allow-lag",
      description = {
        "The repository is being written (publishes, replication): do not report files derived",
        "from an index (legacy Packages paths, Release beside InRelease, checksum files of",
        "maven-metadata.xml, HTML and JSON twins) that differ from it for the moment. What",
        "every index names is still checked."
      })
  boolean allowLag;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Optional<SignatureChecker> checker = Optional.empty();
    if (publicKey != null) {
      InputFiles.requireReadable(List.of(publicKey));
      try (InputStream in = Files.newInputStream(publicKey)) {
        checker = Optional.of(SignatureChecker.load(in, publicKey.toString()));
      }
    }
    Verification.Report report;
    long unchecked = 0;
    try (Storage storage = repo.openExisting()) {
      report =
          new Verification(RepositoryFormats.installed())
              .run(storage, new VerifyContext(checker, allowLag));
      if (checker.isEmpty()) {
        unchecked = signatures(storage, report.formatsFound());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("repository", repo.describe());
      doc.put("formats", report.formatsFound());
      doc.put("clean", report.clean());
      doc.put("signaturesChecked", checker.isPresent());
      doc.put(
          "problems",
          report.problems().stream()
              .map(
                  p ->
                      Map.of(
                          "format", p.format(), "key", p.key().value(), "problem", p.description()))
              .toList());
      out.println(Json.write(doc));
    } else {
      for (Problem problem : report.problems()) {
        out.println(problem);
      }
    }
    out.flush();
    if (report.formatsFound().isEmpty()) {
      err.println("pinrepo: no repository at " + repo.describe() + " (nothing published there)");
      return 1;
    }
    if (unchecked > 0) {
      err.printf(
          "pinrepo: %d signature(s) not checked: give --public-key FILE (the signer's public key)"
              + " to check them%n",
          unchecked);
    }
    if (!json) {
      err.printf(
          "verified %s at %s: %s%n",
          String.join(", ", report.formatsFound()),
          repo.describe(),
          report.clean() ? "clean" : report.problems().size() + " problem(s)");
    }
    err.flush();
    return report.clean() ? 0 : 1;
  }

  /** How many OpenPGP signatures the live objects of the formats found hold. */
  private static long signatures(Storage storage, List<String> found) throws IOException {
    AtomicLong count = new AtomicLong();
    for (RepositoryFormat format : RepositoryFormats.installed()) {
      if (found.contains(format.name())) {
        format.markLive(
            storage,
            live -> {
              boolean signature =
                  format
                      .serving(live.key())
                      .map(m -> ServingMetadata.mediaType(m.contentType()).equals(SIGNATURE))
                      .orElse(false);
              if (signature) {
                count.incrementAndGet();
              }
            });
      }
    }
    return count.get();
  }
}
