package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.hash.Digests;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.Programs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real apt-get reads a Packages.gz of several gzip members that several add-ones made. */
class AptGetMembersTest {

  private static final List<String> ADDED = List.of("pin-0100a", "pin-0300a", "pin-zz");

  @TempDir Path tmp;

  @Test
  void aptGetReadsAMultiMemberPackagesGzThatAddOnesEdited() throws IOException {
    Programs.require("apt-get", "gzip");
    Path repo = tmp.resolve("repo");
    Path debs = tmp.resolve("debs");
    List<Path> bulk = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // Names pin-0209 and pin-0290 start members (GzipMembers.cuts): three members.
      bulk.add(DebBuilder.of(String.format("pin-%04d", i), "1.0", "amd64").writeTo(debs));
    }
    Path dir = repo.resolve("dists/stable/main/binary-amd64");
    List<byte[]> gzs = new ArrayList<>();
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      AptRepository apt = AptRepository.builder(storage).build();
      apt.publish("stable", "main", bulk);
      gzs.add(Files.readAllBytes(dir.resolve("Packages.gz")));
      for (String name : ADDED) {
        apt.publish("stable", "main", List.of(DebBuilder.of(name, "2.0", "amd64").writeTo(debs)));
        gzs.add(Files.readAllBytes(dir.resolve("Packages.gz")));
      }
    }
    byte[] packages = Files.readAllBytes(dir.resolve("Packages"));
    byte[] gz = Files.readAllBytes(dir.resolve("Packages.gz"));
    assertEquals(3, GzipMembers.cuts(packages).length);
    assertArrayEquals(packages, new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes());
    assertArrayEquals(GzipMembers.compress(packages, 6, null, null), gz);
    Programs.Result test = Programs.run(tmp, "gzip", "-t", dir.resolve("Packages.gz").toString());
    assertEquals(0, test.exit(), test.err());
    // The last add-one (into the last member) left the first members' bytes as they were.
    assertTrue(commonPrefix(gzs.get(2), gzs.get(3)) > gz.length / 3, "members copied");

    try (FileSystemStorage storage = FileSystemStorage.open(repo);
        RepositoryServer server = RepositoryServer.start(storage)) {
      AptRoot apt =
          AptRoot.create(
              tmp.resolve("apt"),
              "deb [arch=amd64 trusted=yes] " + server.baseUri() + " stable main",
              "amd64");
      Programs.Result update = apt.update();
      assertEquals(0, update.exit(), update.out() + update.err());
      assertEquals(List.of(), AptRoot.problems(update), update.out() + update.err());
      for (String name : List.of("pin-0000", "pin-0209", "pin-0290", "pin-0399")) {
        assertEquals("1.0", apt.candidate(name), name);
      }
      for (String name : ADDED) {
        assertEquals("2.0", apt.candidate(name), name);
      }
      String gzHash = Digests.of(gz).sha512();
      assertTrue(
          server.requests().stream().anyMatch(r -> r.path().endsWith("/SHA512/" + gzHash)),
          "apt fetched the Packages.gz");
    }
  }

  private static int commonPrefix(byte[] a, byte[] b) {
    int i = 0;
    while (i < a.length && i < b.length && a[i] == b[i]) {
      i++;
    }
    return i;
  }
}
