package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.verify.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large batch on a filesystem writes its new pool files as one group; files already in the pool
 * go the way of a single upload: the same bytes are re-used, other bytes send the package to its
 * alternate path.
 */
class GroupedUploadTest {

  @TempDir Path dir;

  @Test
  void aLargeBatchListsEveryFileWhetherNewReusedOrMovedAside() throws Exception {
    FileSystemStorage storage = FileSystemStorage.open(dir);
    AptRepository repo = PromotionTest.repo(storage);
    // In the pool before: pkg5 with the bytes the batch brings, pkg7 with other bytes.
    repo.publishSources("stable", "main", List.of(Repos.deb("pkg5", "1.0", "amd64")));
    ContentSource otherPkg7 =
        Repos.source(DebBuilder.of("pkg7", "1.0", "amd64").file("extra", new byte[] {7}));
    repo.publishSources("other", "main", List.of(otherPkg7));

    List<ContentSource> batch = new ArrayList<>();
    for (int i = 0; i < AptRepository.GROUP_FROM + 6; i++) {
      batch.add(Repos.deb("pkg" + i, "1.0", "amd64"));
    }
    repo.publishSources("stable", "main", batch);

    assertEquals(batch.size(), repo.list("stable").size());
    String packages = Files.readString(dir.resolve("dists/stable/main/binary-amd64/Packages"));
    assertTrue(packages.contains("Filename: pool/main/p/pkg0/pkg0_1.0_amd64.deb\n"), packages);
    assertTrue(packages.contains("Filename: pool/main/p/pkg7/sha256-"), packages);
    Verification.Report report =
        new Verification(List.of(repo.format())).run(storage, VerifyContext.unsigned());
    assertEquals(List.of(), report.problems());
    try (Stream<Path> staged = Files.list(dir.resolve(".pinrepo/tmp"))) {
      assertEquals(List.of(), staged.toList());
    }
  }
}
