package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Release lists the Packages files this library rendered, so that a later publish can trust
 * their form; a file it did not write is listed only once a publish has rewritten it.
 */
class RenderedIndexesTest {

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 100);
  private final AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();

  private Set<String> packagesFiles(ReleaseFile release) {
    return release.files().keySet().stream()
        .filter(p -> p.endsWith("/Packages"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theReleaseListsEveryPackagesFileItsPublishesWrote() throws Exception {
    repo.publishSources("stable", "main", List.of(Repos.deb("aa", "1", "amd64")));
    repo.publishSources("stable", "contrib", List.of(Repos.deb("bb", "1", "all")));
    repo.publishSources("stable", "main", List.of(Repos.deb("cc", "1", "amd64")));

    ReleaseFile release = Repos.release(storage, "stable");
    assertFalse(release.rendered().isEmpty());
    assertEquals(packagesFiles(release), release.rendered());
    assertEquals(release, ReleaseFile.parse(release.render(), "Release"));
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void aPromotionListsWhatItsSourceListsAndARollbackNothing() throws Exception {
    repo.publishSources("current", "main", List.of(Repos.deb("aa", "1", "amd64")));
    repo.promotion().promote("current", "consistent", "");
    assertEquals(
        Repos.release(storage, "current").rendered(),
        Repos.release(storage, "consistent").rendered());
    repo.publishSources("current", "main", List.of(Repos.deb("bb", "1", "amd64")));
    repo.promotion().promote("current", "consistent", "");
    repo.promotion().rollback("consistent", 1, "");
    // The history keeps no word on the form: the next publish into it checks the index in full.
    assertEquals(Set.of(), Repos.release(storage, "consistent").rendered());
    repo.publishSources("consistent", "main", List.of(Repos.deb("cc", "1", "amd64")));
    assertEquals(
        Set.of("main/binary-amd64/Packages"), Repos.release(storage, "consistent").rendered());
  }

  @Test
  void anIndexFromBeforeTheListIsCheckedInFullAndListedOnceRewritten() throws Exception {
    repo.publishSources("stable", "main", List.of(Repos.deb("aa", "1", "amd64")));
    repo.publishSources("stable", "contrib", List.of(Repos.deb("bb", "1", "amd64")));
    // As an older pinrepo, or another tool writing all four digest lists, left it: no list.
    String text = Repos.text(storage, "dists/stable/Release");
    String without = text.replaceAll(ReleaseFile.RENDERED + ":\n( [^\n]*\n)+", "");
    assertFalse(without.contains(ReleaseFile.RENDERED), without);
    storage.write(
        ObjectKey.of("dists/stable/Release"),
        ContentSource.ofBytes(without.getBytes(StandardCharsets.UTF_8)),
        WriteCondition.none());

    repo.publishSources("stable", "main", List.of(Repos.deb("cc", "1", "amd64")));

    ReleaseFile release = Repos.release(storage, "stable");
    assertEquals(Set.of("main/binary-amd64/Packages"), release.rendered());
    byte[] packages =
        storage.peek(ObjectKey.of("dists/stable/main/binary-amd64/Packages")).orElseThrow();
    assertArrayEquals(
        PackagesIndex.render(PackagesIndex.parse(packages, "Packages")),
        packages,
        "what the publish wrote is in rendered form");
    assertTrue(release.files().containsKey("contrib/binary-amd64/Packages"));
    Repos.assertConsistent(storage, "stable");
  }
}
