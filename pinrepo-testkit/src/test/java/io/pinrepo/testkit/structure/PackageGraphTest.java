package io.pinrepo.testkit.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageGraphTest {

  @Test
  void findsEachCycleAmongTheModulesOwnPackagesOnly() {
    String jdeps =
        String.join(
            "\n",
            "classes -> java.base",
            "   a.x                 -> a.y                   classes",
            "   a.x                 -> java.io               java.base",
            "   a.y                 -> a.z                   classes",
            "   a.z                 -> a.x                   classes",
            "   a.w                 -> a.x                   classes",
            "   a.w                 -> other.lib             not found");
    PackageGraph graph = PackageGraph.parse(jdeps);

    assertEquals(Set.of("a.w", "a.x", "a.y", "a.z"), graph.packages());
    assertEquals(List.of(List.of("a.x", "a.y", "a.z")), graph.cycles());
  }

  @Test
  void seesACycleThatRealClassesForm(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("p/a"));
    Files.createDirectories(src.resolve("p/b"));
    Files.writeString(src.resolve("p/a/A.java"), "package p.a; public class A { p.b.B b; }");
    Files.writeString(src.resolve("p/b/B.java"), "package p.b; public class B { p.a.A a; }");
    Path out = dir.resolve("classes");
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                out.toString(),
                src.resolve("p/a/A.java").toString(),
                src.resolve("p/b/B.java").toString());
    assertEquals(0, status);

    assertEquals(List.of(List.of("p.a", "p.b")), PackageGraph.of(out).cycles());
  }
}
