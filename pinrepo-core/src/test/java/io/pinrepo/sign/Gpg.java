package io.pinrepo.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real gpg and gpgv, run in a throwaway GNUPGHOME: makes keys and checks signatures. */
final class Gpg {

  /** What a finished command left: its exit code, its standard output and its standard error. */
  record Result(int exit, byte[] out, String err) {
    String outText() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  private final Path home;
  private int files;

  Gpg(Path home) throws IOException {
    this.home = Files.createDirectories(home);
    Files.setPosixFilePermissions(
        home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
  }

  /** Whether both programs can be started on this machine. */
  static boolean installed() {
    for (String program : List.of("gpg", "gpgv")) {
      try {
        Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
          return false;
        }
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Generates a primary key with {@code algorithm} and {@code usage} (gpg's quick-gen-key words),
   * protected by {@code passphrase} unless it is empty; returns its fingerprint.
   */
  String generate(String uid, String algorithm, String usage, String passphrase, String expiry)
      throws IOException {
    check(gpg(passphrase, "--quick-gen-key", uid, algorithm, usage, expiry));
    Result list = check(gpg("", "--with-colons", "--list-secret-keys", uid));
    for (String line : list.outText().split("\n")) {
      if (line.startsWith("fpr:")) {
        return line.split(":")[9];
      }
    }
    throw new IllegalStateException("no fingerprint for " + uid + ": " + list.outText());
  }

  /** Adds a subkey that never expires to the key {@code fingerprint}. */
  void addSubkey(String fingerprint, String algorithm, String usage, String passphrase)
      throws IOException {
    addSubkey(fingerprint, algorithm, usage, passphrase, "0");
  }

  /** Adds a subkey to the key {@code fingerprint}, expiring as gpg's {@code expiry} says. */
  void addSubkey(
      String fingerprint, String algorithm, String usage, String passphrase, String expiry)
      throws IOException {
    check(gpg(passphrase, "--quick-add-key", fingerprint, algorithm, usage, expiry));
  }

  /** The fingerprints of the subkeys of {@code fingerprint}, oldest first. */
  List<String> subkeyFingerprints(String fingerprint) throws IOException {
    List<String> subkeys = new ArrayList<>();
    boolean inSubkey = false;
    for (String line :
        check(gpg("", "--with-colons", "--list-keys", fingerprint)).outText().split("\n")) {
      if (line.startsWith("sub:")) {
        inSubkey = true;
      } else if (line.startsWith("fpr:") && inSubkey) {
        subkeys.add(line.split(":")[9]);
        inSubkey = false;
      }
    }
    return subkeys;
  }

  /** The armored secret key (all of it, or only the subkeys). */
  byte[] exportSecret(String fingerprint, String passphrase, boolean subkeysOnly)
      throws IOException {
    String what = subkeysOnly ? "--export-secret-subkeys" : "--export-secret-keys";
    return check(gpg(passphrase, "--armor", what, fingerprint)).out();
  }

  /** The binary public keyring file holding {@code fingerprint}, for gpgv. */
  Path publicKeyring(String fingerprint) throws IOException {
    Path keyring = home.resolve("pub-" + fingerprint + ".gpg");
    Files.write(keyring, check(gpg("", "--export", fingerprint)).out());
    return keyring;
  }

  /** gpg's own clear signature of {@code text} with the key {@code fingerprint}. */
  byte[] clearSign(String fingerprint, String passphrase, String text) throws IOException {
    return check(
            run(
                gpgCommand(passphrase, "--local-user", fingerprint, "--clearsign"),
                text.getBytes(StandardCharsets.UTF_8)))
        .out();
  }

  /** gpg's own armored detached signature of {@code data} with the key {@code fingerprint}. */
  byte[] detachSign(String fingerprint, String passphrase, byte[] data) throws IOException {
    return check(
            run(
                gpgCommand(passphrase, "--local-user", fingerprint, "--armor", "--detach-sign"),
                data))
        .out();
  }

  /** gpgv over a detached signature; its status lines are on standard output. */
  Result verifyDetached(Path keyring, byte[] signature, byte[] data) throws IOException {
    Path sig = write(signature);
    Path file = write(data);
    return run(
        List.of(
            "gpgv",
            "--status-fd",
            "1",
            "--keyring",
            keyring.toString(),
            sig.toString(),
            file.toString()),
        new byte[0]);
  }

  /** gpgv over a clear-signed message, writing the text it recovers to {@code recovered}. */
  Result verifyClearSigned(Path keyring, String message, Path recovered) throws IOException {
    Path signed = write(message.getBytes(StandardCharsets.UTF_8));
    return run(
        List.of(
            "gpgv",
            "--status-fd",
            "1",
            "--keyring",
            keyring.toString(),
            "--output",
            recovered.toString(),
            signed.toString()),
        new byte[0]);
  }

  /** Stops the gpg-agent that key generation started in this home. */
  void stopAgent() throws IOException {
    run(List.of("gpgconf", "--kill", "gpg-agent"), new byte[0]);
  }

  private Result gpg(String passphrase, String... args) throws IOException {
    return run(gpgCommand(passphrase, args), new byte[0]);
  }

  private static List<String> gpgCommand(String passphrase, String... args) {
    List<String> command =
        new ArrayList<>(List.of("gpg", "--batch", "--pinentry-mode", "loopback"));
    command.add("--passphrase");
    command.add(passphrase);
    command.addAll(List.of(args));
    return command;
  }

  private Path write(byte[] bytes) throws IOException {
    return Files.write(home.resolve("file-" + (files++)), bytes);
  }

  private Result run(List<String> command, byte[] input) throws IOException {
    Path out = home.resolve("out-" + (files++));
    Path err = home.resolve("err-" + (files++));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("GNUPGHOME", home.toString());
    Process process = builder.start();
    process.getOutputStream().write(input);
    process.getOutputStream().close();
    try {
      // a guard against a hung gpg, not a timing assertion
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("gpg hung: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new Result(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
  }

  private static Result check(Result result) {
    if (result.exit() != 0) {
      throw new IllegalStateException("gpg failed (" + result.exit() + "): " + result.err());
    }
    return result;
  }
}
