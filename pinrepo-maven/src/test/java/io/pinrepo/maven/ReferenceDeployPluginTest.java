package io.pinrepo.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReferenceDeployPluginTest {

  @Test
  void realMavenTestDeploysWithThePluginVersionTheBuildResolvesBeforeTheTests() throws IOException {
    String root = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("pom.xml"));
    String pinned =
        "<maven-deploy-plugin.version>"
            + RealMavenTest.DEPLOY_PLUGIN_VERSION
            + "</maven-deploy-plugin.version>";
    assertTrue(root.contains(pinned), "the root pom.xml does not pin " + pinned);
  }
}
