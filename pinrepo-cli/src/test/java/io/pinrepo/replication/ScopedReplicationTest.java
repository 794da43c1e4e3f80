package io.pinrepo.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.PackageRef;
import io.pinrepo.maven.MavenRepository;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promotion from a staging repository to a public one: replication of one distribution, project or
 * group, which merges what every part shares and leaves the target's other parts alone.
 */
class ScopedReplicationTest {

  @TempDir Path dir;

  @Test
  void oneDistributionIsCopiedWithItsPoolFilesAndTheTargetsOthersStay() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage staging = new InMemoryStorage();
    InMemoryStorage public_ = new InMemoryStorage();
    repos.deb(staging, "stable", "hello", "1.0");
    repos.deb(staging, "testing", "hello", "2.0");
    repos.deb(public_, "legacy", "old", "0.1");

    ReplicationReport report =
        Replicator.builder(Repos.FORMATS)
            .scope("dist", "stable")
            .build()
            .replicate(staging, public_);

    assertEquals(List.of("apt"), report.formats());
    assertEquals(
        names(repos.apt(staging).list("stable")), names(repos.apt(public_).list("stable")));
    assertFalse(repos.apt(public_).hasDistribution("testing"));
    assertEquals(List.of("old"), names(repos.apt(public_).list("legacy")));
    assertFalse(public_.peek(ObjectKey.of("pool/main/h/hello/hello_2.0_amd64.deb")).isPresent());
    assertEquals(List.of(), repos.signedProblems(public_, false));
  }

  @Test
  void deletingWithinADistributionNeverTakesWhatTheTargetsOtherDistributionsReach()
      throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage staging = new InMemoryStorage();
    InMemoryStorage public_ = new InMemoryStorage();
    repos.deb(public_, "legacy", "old", "0.1");
    repos.deb(staging, "stable", "hello", "1.0");

    Replicator.builder(Repos.FORMATS)
        .scope("dist", "stable")
        .deleteUnreachable(Duration.ZERO)
        .build()
        .replicate(staging, public_);

    assertTrue(public_.peek(ObjectKey.of("pool/main/o/old/old_0.1_amd64.deb")).isPresent());
    assertEquals(List.of(), repos.signedProblems(public_, false));
  }

  @Test
  void oneProjectIsAddedToTheTargetsRootPageBesideItsOwnProjects() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage staging = new InMemoryStorage();
    InMemoryStorage public_ = new InMemoryStorage();
    repos.wheel(staging, "demo-lib", "1.0");
    repos.wheel(staging, "unready", "0.1");
    repos.wheel(public_, "mine", "3.0");

    Replicator.builder(Repos.FORMATS)
        .scope("project", "Demo_Lib")
        .build()
        .replicate(staging, public_);

    assertEquals(
        List.of("demo-lib", "mine"),
        PypiRepository.on(public_).projects().stream().map(Object::toString).toList());
    assertFalse(public_.peek(ObjectKey.of("simple/unready/index.json")).isPresent());
    assertEquals(List.of(), Repos.problems(public_, false));
    String rootJson =
        new String(
            public_.peek(ObjectKey.of("simple/index.json")).orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(rootJson.contains("\"demo-lib\"") && rootJson.contains("\"mine\""), rootJson);
  }

  @Test
  void oneGroupIsCopiedAndAddedToTheTargetsPrefixFile() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage staging = new InMemoryStorage();
    InMemoryStorage public_ = new InMemoryStorage();
    repos.jar(staging, "com.example", "demo", "1.0");
    repos.jar(staging, "org.unready", "tool", "0.1");
    MavenRepository.builder(public_)
        .prefixFile(true)
        .build()
        .deploy(
            io.pinrepo.maven.Deployment.of(
                "mine-1.0.pom",
                ContentSource.ofUtf8(
                    "<project><modelVersion>4.0.0</modelVersion><groupId>net.mine</groupId>"
                        + "<artifactId>mine</artifactId><version>1.0</version></project>"),
                List.of()));

    Replicator.builder(Repos.FORMATS)
        .scope("group", "com.example")
        .build()
        .replicate(staging, public_);

    assertEquals(
        "## repository-prefixes/2.0\n/com/example\n/net/mine\n",
        new String(
            public_.peek(ObjectKey.of(".meta/prefixes.txt")).orElseThrow(),
            StandardCharsets.UTF_8));
    assertTrue(public_.peek(ObjectKey.of("com/example/demo/maven-metadata.xml")).isPresent());
    assertFalse(public_.peek(ObjectKey.of("org/unready/tool/maven-metadata.xml")).isPresent());
    assertEquals(List.of(), Repos.problems(public_, false));
  }

  @Test
  void aScopeNoFormatHasIsRefusedNamingTheOption() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage staging = new InMemoryStorage();
    repos.wheel(staging, "demo-lib", "1.0");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Replicator.builder(Repos.FORMATS)
                    .scope("dist", "stable")
                    .build()
                    .replicate(staging, new InMemoryStorage()));
    assertTrue(e.getMessage().startsWith("--dist selects nothing in memory:"), e.getMessage());
  }

  private static List<String> names(List<PackageRef> refs) {
    return refs.stream().map(PackageRef::name).toList();
  }
}
