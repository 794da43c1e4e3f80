package io.pinrepo.rpm;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pinrepo.fixtures.rpm.RpmBuilder;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Packages built with RpmBuilder into a directory, and checks the tests share. */
final class Rpms {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final Path dir;
  private int written;

  Rpms(Path dir) {
    this.dir = dir;
  }

  static ManualClock clock() {
    return new ManualClock(START);
  }

  /** A package with a file, a dependency and a changelog entry. */
  static RpmBuilder builder(String name, String version, String arch) {
    return RpmBuilder.of(name, version, "1", arch)
        .file("/usr/share/" + name + "/VERSION", (name + " " + version + "\n").getBytes(UTF_8))
        .file("/usr/bin/" + name, ("#!/bin/sh\necho " + version + "\n").getBytes(UTF_8), 0755)
        .requires("/bin/sh")
        .changelog(START, "Dev <dev@example.org>", "- " + version);
  }

  /** Writes {@code builder}'s package into a fresh directory and returns the file. */
  Path write(RpmBuilder builder) {
    try {
      Path to = Files.createDirectories(dir.resolve("in-" + written++));
      return builder.writeTo(to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code name-version-1.arch.rpm}, as {@link #builder} makes it. */
  Path rpm(String name, String version, String arch) {
    return write(builder(name, version, arch));
  }

  /** Bytes that are no RPM, in a file called {@code name}. */
  Path garbage(String name) {
    try {
      Path to = Files.createDirectories(dir.resolve("in-" + written++));
      return Files.writeString(to.resolve(name), "not an rpm\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What verify finds, signatures unchecked. */
  static List<Problem> verify(Storage storage) throws IOException {
    List<Problem> problems = new ArrayList<>();
    new RpmFormat().verify(storage, VerifyContext.unsigned(), problems::add);
    return problems;
  }
}
