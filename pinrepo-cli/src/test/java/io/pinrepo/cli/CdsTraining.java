package io.pinrepo.cli;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.deb.DebBuilder.Compression;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.fixtures.rpm.RpmBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind {@code pinrepo-cli/target/pinrepo.jsa} (pom: {@code cds-classlist}): in
 * one JVM, the command lines a user runs most, so that the classes, lambdas and method handles they
 * load are in the class-data-sharing archive the build makes from this run's class list. An add-one
 * into an existing dist, signed and not, is what most publishes are, so it runs twice. Lives with
 * the tests so the shipped jar holds no training code; the archive takes only classes that are in
 * the jar.
 */
final class CdsTraining {

  private CdsTraining() {}

  /** Usage: {@code CdsTraining DIR}, a directory to work in (emptied first). */
  public static void main(String[] args) throws IOException {
    Path work = Path.of(args[0]).toAbsolutePath();
    if (Files.exists(work)) { // an earlier build's: start from nothing
      try (Stream<Path> old = Files.walk(work)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Path repo = work.resolve("repo");
    Path in = Files.createDirectories(work.resolve("in"));
    run("demo", "--no-serve", repo.toString());
    String key = DemoCommand.keyDirectory(repo).resolve("secret.asc").toString();
    // dpkg-deb compresses with xz by default, Ubuntu's with zstd, older ones with gzip: one each.
    Compression[] compressions = {Compression.XZ, Compression.ZSTD, Compression.GZIP};
    for (int i = 1; i <= 3; i++) {
      Compression compression = compressions[i - 1];
      String deb =
          DebBuilder.of("train" + i, "1.0", "amd64")
              .controlCompression(compression)
              .dataCompression(compression)
              .writeTo(in)
              .toString();
      run("deb", "publish", "--repo", repo.toString(), "--dist", "train", deb);
      run("deb", "publish", "--repo", repo.toString(), "--dist", "stable", "--sign-key", key, deb);
    }
    run("deb", "list", "--repo", repo.toString(), "--dist", "stable");
    for (int i = 1; i <= 2; i++) {
      run("pypi", "publish", "--repo", repo.toString(), wheel(in, i));
      run("rpm", "publish", "--repo", repo.toString(), "--path", "train", rpm(in, i));
      Path pom = Files.writeString(in.resolve("demo-" + i + ".0.pom"), MavenFiles.pom(i + ".0"));
      Path jar = Files.write(in.resolve("demo-" + i + ".0.jar"), MavenFiles.jar("train " + i));
      run("maven", "deploy", "--repo", repo.toString(), pom.toString(), jar.toString());
    }
    run("verify", "--repo", repo.toString());
  }

  private static void run(String... args) {
    StringWriter err = new StringWriter();
    int status = Pinrepo.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", args) + " failed: " + err);
    }
  }

  private static String wheel(Path in, int i) throws IOException {
    return WheelBuilder.of("train", i + ".0").writeTo(in).toString();
  }

  private static String rpm(Path in, int i) throws IOException {
    return RpmBuilder.of("train", i + ".0", "1", "noarch").writeTo(in).toString();
  }
}
