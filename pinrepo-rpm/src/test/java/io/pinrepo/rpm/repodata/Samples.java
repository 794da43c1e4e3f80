package io.pinrepo.rpm.repodata;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.rpm.header.RpmReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Entries made from RpmBuilder packages, for tests that need no rpm tools. */
final class Samples {
  private Samples() {}

  static RpmBuilder builder(String name, String version, String arch) {
    return RpmBuilder.of(name, version, "1", arch)
        .summary(name + " & friends")
        .file("/usr/bin/" + name, ("#!/bin/sh\necho " + name + "\n").getBytes(UTF_8), 0755)
        .file("/usr/share/" + name + "/README", "read me\n".getBytes(UTF_8))
        .configFile("/etc/" + name + ".conf", "x=1\n".getBytes(UTF_8))
        .requires("pin-base >= 1.0")
        .changelog(Instant.parse("2026-01-01T12:00:00Z"), "Dev <dev@example.org>", "- " + version);
  }

  static PackageEntry entry(RpmBuilder builder) {
    try {
      byte[] bytes = builder.build();
      String location = "Packages/" + builder.fileName().charAt(0) + "/" + builder.fileName();
      return PackageEntry.of(
          new RpmReader().read(builder.fileName(), new ByteArrayInputStream(bytes)),
          location,
          1_767_225_600L);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nine packages: three names, each in three versions, two architectures. */
  static List<PackageEntry> entries() {
    List<PackageEntry> entries = new ArrayList<>();
    for (String name : List.of("pin-a", "pin-b", "zed")) {
      for (String version : List.of("1.0", "1.1~rc1", "2.0")) {
        entries.add(entry(builder(name, version, name.equals("zed") ? "noarch" : "x86_64")));
      }
    }
    return entries;
  }
}
