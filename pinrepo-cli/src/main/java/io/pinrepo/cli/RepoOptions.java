package io.pinrepo.cli;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the repository is: {@code --repo DIR}, {@code --repo file:DIR} or {@code --repo
 * s3://BUCKET[/PREFIX]}. Mixed into every command that touches a repository.
 */
public final class RepoOptions {

  @Option(
      names = "--repo",
      required = true,
      paramLabel = "REPO",
      description = "The repository: DIR, file:DIR or s3://BUCKET[/PREFIX].")
  String repo;

  /** Opens the storage the option names; the caller closes it. */
  public Storage openStorage() throws IOException {
    if (repo.startsWith("s3://")) {
      throw new IllegalArgumentException(
          "--repo " + repo + ": S3 repositories are not supported yet");
    }
    return FileSystemStorage.open(localPath());
  }

  /** The repository as a local directory, for the filesystem case. */
  Path localPath() {
    String path =
        repo.startsWith("file://")
            ? repo.substring("file://".length())
            : repo.startsWith("file:") ? repo.substring("file:".length()) : repo;
    if (path.isEmpty()) {
      throw new IllegalArgumentException("--repo: empty path");
    }
    return Path.of(path);
  }

  /** The repository as the user wrote it. */
  public String describe() {
    return repo;
  }
}
