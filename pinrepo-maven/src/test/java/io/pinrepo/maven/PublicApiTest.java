package io.pinrepo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.PluginEntry;
import io.pinrepo.maven.metadata.PrefixFile;
import io.pinrepo.maven.metadata.Snapshot;
import io.pinrepo.maven.metadata.SnapshotBuild;
import io.pinrepo.maven.metadata.SnapshotVersion;
import io.pinrepo.maven.metadata.Versioning;
import io.pinrepo.maven.pom.Pom;
import io.pinrepo.maven.pom.PomReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vendor types (Maven's own, Guava, Jackson, AWS) stay out of the public API. */
class PublicApiTest {
  private static final List<String> VENDORS =
      List.of("org.apache.", "com.google.", "com.fasterxml.", "software.amazon.", "org.eclipse.");

  @Test
  void publicSignaturesNameNoVendorType() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type :
        List.of(
            MavenDeployer.class,
            MavenDeployer.Builder.class,
            MavenCatalog.class,
            MavenFormat.class,
            MavenCatalog.Listed.class,
            Coordinates.class,
            ArtifactFile.class,
            Deployment.class,
            DeployResult.class,
            MavenMetadata.class,
            Versioning.class,
            Snapshot.class,
            SnapshotBuild.class,
            SnapshotVersion.class,
            PluginEntry.class,
            PrefixFile.class,
            Pom.class,
            PomReader.class)) {
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())) {
          check(leaks, type, m.getName(), m.toGenericString());
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(c.getModifiers())) {
          check(leaks, type, "<init>", c.toGenericString());
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  private static void check(List<String> leaks, Class<?> type, String member, String signature) {
    for (String vendor : VENDORS) {
      if (signature.contains(vendor)) {
        leaks.add(type.getSimpleName() + "." + member + ": " + signature);
      }
    }
  }
}
