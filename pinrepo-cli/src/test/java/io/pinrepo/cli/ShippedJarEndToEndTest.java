package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.testkit.clients.Gpg;
import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar users run: no test code in it, small enough to ship, and complete (a trimmed library that
 * still signs with RSA and Ed25519 keys, with and without a passphrase, and discovers every
 * format).
 */
class ShippedJarEndToEndTest {

  private static final long MAX_BYTES = 20L << 20;

  private final Path jar =
      Path.of(System.getProperty("pinrepo.jar", "target/pinrepo.jar")).toAbsolutePath();

  @TempDir Path dir;

  @Test
  void carriesNoTestCodeAndStaysUnderTwentyMegabytes() throws IOException {
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": run after package");
    List<String> testCode = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (name.startsWith("org/junit/")
            || name.startsWith("org/opentest4j/")
            || name.startsWith("net/jqwik/")
            || name.startsWith("io/pinrepo/testkit/")) {
          testCode.add(name);
        }
      }
    }
    assertEquals(List.of(), testCode.stream().limit(5).toList());
    long size = Files.size(jar);
    assertTrue(size <= MAX_BYTES, "pinrepo.jar is " + size + " bytes, over " + MAX_BYTES);
  }

  @Test
  void signsWithEveryKindOfKeyItAccepts() throws Exception {
    Programs.require("gpg");
    Path deb = DebBuilder.of("hello", "1.0-1", "amd64").writeTo(dir);
    for (String algorithm : List.of("rsa3072", "ed25519")) {
      for (String passphrase : List.of("", "hunter2")) {
        Gpg key = Gpg.generate(dir.resolve(algorithm + passphrase), algorithm, passphrase);
        Path repo = dir.resolve("repo-" + algorithm + passphrase);
        List<String> publish =
            new ArrayList<>(
                List.of(
                    "deb",
                    "publish",
                    "--repo",
                    repo.toString(),
                    "--dist",
                    "stable",
                    "--sign-key",
                    key.secretKeyFile().toString()));
        if (!passphrase.isEmpty()) {
          publish.addAll(List.of("--passphrase-env", "PINREPO_TEST_PASSPHRASE"));
        }
        publish.add(deb.toString());
        assertEquals(0, run(publish, passphrase), algorithm + " '" + passphrase + "'");
        assertEquals(
            0,
            run(
                List.of(
                    "verify",
                    "--repo",
                    repo.toString(),
                    "--public-key",
                    key.publicKeyFile().toString()),
                ""),
            algorithm + " '" + passphrase + "'");
        assertEquals(0, key.gpgv(repo.resolve("dists/stable"), "InRelease").exit());
      }
    }
  }

  private int run(List<String> args, String passphrase) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
    command.addAll(args);
    Path log = Files.createTempFile(dir, "run", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PINREPO_TEST_PASSPHRASE", passphrase);
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "pinrepo " + args + " hung");
    if (process.exitValue() != 0) {
      System.err.println(Files.readString(log, StandardCharsets.UTF_8));
    }
    return process.exitValue();
  }
}
