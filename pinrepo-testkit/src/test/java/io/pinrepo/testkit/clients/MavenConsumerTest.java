package io.pinrepo.testkit.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenConsumerTest {

  @Test
  void theDependencyPluginItRunsIsTheOneTheBuildResolvesBeforeTheTests() throws IOException {
    String version =
        MavenConsumer.DEPENDENCY_PLUGIN.substring(
            MavenConsumer.DEPENDENCY_PLUGIN.lastIndexOf(':') + 1);
    assertEquals(RootPom.property("maven-dependency-plugin.version"), version);
  }

  @Test
  void runsMvnOnTheLocalRepositoryOfTheBuildThatRunsTheTests() {
    String local = System.getProperty(MavenConsumer.LOCAL_REPOSITORY_PROPERTY);
    assertEquals(
        List.of("mvn", "-B", "-q", "-Dmaven.repo.local=" + local, "validate"),
        MavenConsumer.command("validate"));
    assertEquals(Path.of(local), MavenConsumer.localRepository());
  }
}
