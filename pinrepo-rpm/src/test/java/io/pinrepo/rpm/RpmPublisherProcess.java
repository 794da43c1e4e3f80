package io.pinrepo.rpm;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.sign.PgpSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A publishing process for {@link CrossProcessPublishTest}: {@code RpmPublisherProcess REPO WORK
 * KEY ID COUNT} publishes, for i in 0..COUNT-1, {@code shared-ID.i} and {@code ownID-1.i} into
 * {@code el9/x86_64} of the filesystem repository REPO, signing with the armored key KEY. It prints
 * {@code ready}, then {@code ok NEVRA} for every package whose publish returned, then {@code done}.
 */
public final class RpmPublisherProcess {
  private RpmPublisherProcess() {}

  /** Runs one publisher; see the class comment. */
  public static void main(String[] args) throws IOException {
    Path work = Files.createDirectories(Path.of(args[1]));
    int id = Integer.parseInt(args[3]);
    int count = Integer.parseInt(args[4]);
    Rpms rpms = new Rpms(work);
    System.out.println("ready");
    System.out.flush();
    try (FileSystemStorage storage = FileSystemStorage.open(Path.of(args[0]))) {
      RpmRepository repo =
          RpmRepository.builder(storage)
              .signer(PgpSigner.load(Path.of(args[2]), new char[0], Clock.systemUTC()))
              .retryPolicy(new RetryPolicy(1000, Duration.ofMillis(1), Duration.ofMillis(50)))
              .build();
      for (int i = 0; i < count; i++) {
        List<Path> files =
            List.of(
                rpms.rpm("shared", id + "." + i, "x86_64"),
                rpms.rpm("own" + id, "1." + i, "noarch"));
        for (RpmRef ref : repo.publish(RpmRepositoryTest.PATH, files).added()) {
          System.out.println("ok " + ref);
        }
        System.out.flush();
      }
    }
    System.out.println("done");
    System.out.flush();
  }
}
