package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.sign.PgpKeyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinrepo rpm publish|remove|list}, and verify and gc over an RPM repository. */
class RpmCommandTest {

  @TempDir Path dir;

  private String rpm(RpmBuilder builder) throws IOException {
    Path to =
        Files.createDirectories(
            dir.resolve("rpms").resolve(builder.fileName() + "-" + System.nanoTime()));
    return builder.writeTo(to).toString();
  }

  private static RpmBuilder pkg(String name, String version, String arch) {
    return RpmBuilder.of(name, version, "1", arch)
        .file("/usr/share/" + name + "/README", (name + " " + version).getBytes());
  }

  private String repo() {
    return dir.resolve("repo").toString();
  }

  private Path[] key() throws IOException {
    PgpKeyGenerator.GeneratedKey key =
        PgpKeyGenerator.generate("cli <cli@example.org>", Clock.systemUTC());
    return new Path[] {
      Files.writeString(dir.resolve("secret.asc"), key.armoredSecretKey()),
      Files.writeString(dir.resolve("public.asc"), key.armoredPublicKey())
    };
  }

  @Test
  void publishesListsAndRemovesSigned() throws IOException {
    Path[] key = key();
    CliRun publish =
        CliRun.of(
            "rpm",
            "publish",
            "--repo",
            repo(),
            "--path",
            "el9/x86_64",
            "--sign-key",
            key[0].toString(),
            rpm(pkg("hello", "1.0", "x86_64")),
            rpm(pkg("hello", "2.0", "x86_64").epoch(1)),
            rpm(pkg("hello", "1.0", "x86_64").sourcePackage()),
            rpm(pkg("docs", "2", "noarch")));
    assertEquals(0, publish.status(), publish.err());
    assertTrue(
        publish
            .out()
            .contains("added hello-1.0-1.x86_64 el9/x86_64/Packages/h/hello-1.0-1.x86_64.rpm"),
        publish.out());
    assertTrue(
        publish.out().contains("added hello-1.0-1.src el9/SRPMS/Packages/h/hello-1.0-1.src.rpm"),
        publish.out());
    assertTrue(Files.exists(dir.resolve("repo/el9/x86_64/repodata/repomd.xml.asc")));

    CliRun list = CliRun.of("rpm", "list", "--repo", repo(), "--path", "el9/x86_64");
    assertEquals(
        "docs-2-1.noarch\nhello-1.0-1.x86_64\nhello-1:2.0-1.x86_64\n", list.out(), list.err());

    CliRun remove =
        CliRun.of(
            "rpm",
            "remove",
            "--repo",
            repo(),
            "--path",
            "el9/x86_64",
            "--sign-key",
            key[0].toString(),
            "--package",
            "hello",
            "--version",
            "1:2.0",
            "--arch",
            "x86_64");
    assertEquals(0, remove.status(), remove.err());
    assertEquals("removed hello-1:2.0-1.x86_64\n", remove.out());

    CliRun verify = CliRun.of("verify", "--repo", repo(), "--public-key", key[1].toString());
    assertEquals(0, verify.status(), verify.out() + verify.err());
    assertTrue(verify.err().contains("rpm"), verify.err());

    CliRun gc = CliRun.of("gc", "--repo", repo(), "--grace", "0s", "--json");
    assertEquals(0, gc.status(), gc.out() + gc.err());
    JsonNode report = new ObjectMapper().readTree(gc.out());
    assertTrue(report.get("formats").toString().contains("rpm"), gc.out());
  }

  @Test
  void listsAsJson() throws IOException {
    CliRun.of(
        "rpm",
        "publish",
        "--repo",
        repo(),
        "--path",
        "p",
        rpm(pkg("hello", "1.0~rc1", "noarch").epoch(2)));
    CliRun list = CliRun.of("rpm", "list", "--repo", repo(), "--path", "p", "--json");
    assertEquals(0, list.status(), list.err());
    JsonNode entry = new ObjectMapper().readTree(list.out()).get(0);
    Map<String, String> fields = new TreeMap<>();
    entry.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
    assertEquals("hello", fields.get("name"));
    assertEquals("2", fields.get("epoch"));
    assertEquals("1.0~rc1", fields.get("version"));
    assertEquals("1", fields.get("release"));
    assertEquals("noarch", fields.get("arch"));
    assertEquals("p/Packages/h/hello-1.0~rc1-1.noarch.rpm", fields.get("filename"));
    assertEquals(64, fields.get("sha256").length());
  }

  @Test
  void refusalsAreOneLinePerFileAndChangeNothing() throws IOException {
    CliRun.of(
        "rpm", "publish", "--repo", repo(), "--path", "p", rpm(pkg("hello", "1.0", "noarch")));
    String conflicting = rpm(pkg("hello", "1.0", "noarch").summary("rebuilt"));
    Path garbage = Files.writeString(dir.resolve("garbage.rpm"), "not an rpm");
    Map<String, Long> before = sizes();
    CliRun refused =
        CliRun.of(
            "rpm", "publish", "--repo", repo(), "--path", "p", conflicting, garbage.toString());
    assertEquals(1, refused.status());
    assertFalse(refused.hasStackTrace(), refused.err());
    assertTrue(refused.err().startsWith("pinrepo: " + garbage), refused.err());
    assertEquals(before, sizes());

    CliRun conflict = CliRun.of("rpm", "publish", "--repo", repo(), "--path", "p", conflicting);
    assertEquals(1, conflict.status());
    assertEquals(
        "pinrepo: "
            + conflicting
            + ": hello-1.0-1.noarch is already published in p with other"
            + " content",
        conflict.err().substring(0, conflict.err().indexOf(" (sha256")));
    assertEquals(before, sizes());

    CliRun list = CliRun.of("rpm", "list", "--repo", repo(), "--path", "nothing/here");
    assertEquals(1, list.status());
    assertTrue(list.err().contains("no RPM repository at --path nothing/here"), list.err());
    CliRun badVersion =
        CliRun.of(
            "rpm",
            "remove",
            "--repo",
            repo(),
            "--path",
            "p",
            "--package",
            "hello",
            "--version",
            "1-");
    assertEquals(2, badVersion.status(), "a usage error: " + badVersion.err());
    assertTrue(badVersion.err().startsWith("--version 1-: "), badVersion.err());
  }

  private Map<String, Long> sizes() throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir.resolve("repo"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        sizes.put(dir.resolve("repo").relativize(f).toString(), Files.size(f));
      }
    }
    return sizes;
  }
}
