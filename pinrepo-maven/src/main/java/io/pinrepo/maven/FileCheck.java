package io.pinrepo.maven;

import io.pinrepo.format.Problem;
import io.pinrepo.hash.DigestingInputStream;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks one file against its {@code .md5 .sha1 .sha256 .sha512} sidecars and, when asked, its
 * {@code .asc} signature, reading the file once. {@code .md5} and {@code .sha1} are required (what
 * Maven clients fetch); {@code .sha256} and {@code .sha512} may both be absent, as in a repository
 * that stock Maven wrote, but not just one of them. A file whose content disagrees with every
 * sidecar is reported once, as changed content (and its signature is not checked, since it fails
 * for the same reason); a single wrong sidecar is reported as itself.
 */
final class FileCheck {
  private static final int MAX_SIDECAR_BYTES = 1024;
  private static final int MAX_SIGNATURE_BYTES = 64 * 1024;
  private static final List<String> OPTIONAL =
      List.of(Sidecars.suffix(HashAlgorithm.SHA256), Sidecars.suffix(HashAlgorithm.SHA512));

  private final Storage storage;
  private final Consumer<Problem> problems;

  FileCheck(Storage storage, Consumer<Problem> problems) {
    this.storage = storage;
    this.problems = problems;
  }

  /**
   * Streams {@code file} once, checking its sidecars and, with {@code signatures}, its {@code .asc}
   * (which the caller has seen to exist).
   */
  void content(ObjectKey file, Optional<SignatureChecker> signatures) throws IOException {
    ObjectKey asc = FileUploads.signatureKey(file);
    Optional<byte[]> signature =
        signatures.isPresent() ? bytes(asc, MAX_SIGNATURE_BYTES) : Optional.empty();
    Digests actual;
    Optional<String> signatureProblem = Optional.empty();
    try (ObjectStream in = storage.read(file)) {
      ReadTracking tracked = new ReadTracking(in);
      DigestingInputStream digesting = new DigestingInputStream(tracked);
      if (signature.isPresent()) {
        signatureProblem = signatureProblem(signatures.get(), digesting, tracked, signature.get());
      }
      actual = digesting.digests();
    } catch (ObjectNotFoundException e) {
      problems.accept(problem(file, "deleted while being verified"));
      return;
    }
    if (sidecars(file, actual) && signatureProblem.isPresent()) {
      problems.accept(problem(asc, signatureProblem.get()));
    }
  }

  /**
   * Checks the sidecars of {@code file}, whose digests are {@code actual}.
   *
   * @return false when the content disagrees with every sidecar (reported as one problem)
   */
  boolean sidecars(ObjectKey file, Digests actual) throws IOException {
    Said said = read(file, actual);
    if (!said.missing.isEmpty()) {
      problems.accept(problem(file, "no checksum file " + String.join(", ", said.missing)));
    }
    Map<HashAlgorithm, String> wrong = said.wrong;
    int present = said.present;
    if (wrong.isEmpty()) {
      return true;
    }
    HashAlgorithm first = wrong.keySet().iterator().next();
    String detail =
        name(first)
            + " is "
            + actual.hex(first)
            + ", "
            + suffix(first)
            + " says "
            + wrong.get(first);
    if (present >= 2 && wrong.size() == present) {
      problems.accept(problem(file, "content does not match its checksums (" + detail + ")"));
      return false;
    }
    if (wrong.size() == 1) {
      problems.accept(
          problem(
              ObjectKey.of(file.value() + suffix(first)),
              "says "
                  + wrong.get(first)
                  + " but the "
                  + name(first)
                  + " of "
                  + file.fileName()
                  + " is "
                  + actual.hex(first)));
    } else {
      List<String> stale = wrong.keySet().stream().map(FileCheck::suffix).toList();
      problems.accept(
          problem(file, "stale checksum files " + String.join(", ", stale) + " (" + detail + ")"));
    }
    return true;
  }

  /** What the sidecars of a file say: which are missing, which disagree, how many there are. */
  private record Said(List<String> missing, Map<HashAlgorithm, String> wrong, int present) {}

  private Said read(ObjectKey file, Digests actual) throws IOException {
    List<String> missing = new ArrayList<>();
    Map<HashAlgorithm, String> wrong = new EnumMap<>(HashAlgorithm.class);
    int present = 0;
    for (HashAlgorithm a : HashAlgorithm.values()) {
      Optional<byte[]> said = bytes(ObjectKey.of(file.value() + suffix(a)), MAX_SIDECAR_BYTES);
      if (said.isEmpty()) {
        missing.add(suffix(a));
        continue;
      }
      present++;
      String hex = firstToken(said.get());
      if (!hex.equalsIgnoreCase(actual.hex(a))) {
        wrong.put(a, hex);
      }
    }
    if (missing.size() == 2 && missing.containsAll(OPTIONAL)) {
      missing.clear(); // .md5 and .sha1 only, as maven-resolver writes them
    }
    return new Said(missing, wrong, present);
  }

  private static Optional<String> signatureProblem(
      SignatureChecker checker, InputStream data, ReadTracking tracked, byte[] signature)
      throws IOException {
    try {
      return checker.verifyDetached(data, signature)
          ? Optional.empty()
          : Optional.of("does not verify with the trusted keys");
    } catch (IOException e) {
      if (tracked.failure != null) {
        throw e; // reading the file failed, not the signature
      }
      return Optional.of("not a usable signature: " + oneLine(e));
    }
  }

  private Optional<byte[]> bytes(ObjectKey key, int max) throws IOException {
    try (ObjectStream in = storage.read(key)) {
      return Optional.of(in.readNBytes(max));
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  private static String firstToken(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "''" : text.split("\\s+", 2)[0];
  }

  private static String suffix(HashAlgorithm a) {
    return Sidecars.suffix(a);
  }

  private static String name(HashAlgorithm a) {
    return Sidecars.suffix(a).substring(1);
  }

  static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static Problem problem(ObjectKey key, String description) {
    return new Problem(MavenFormat.NAME, key, description);
  }

  /** Remembers whether reading the file itself failed, to tell it from a bad signature. */
  private static final class ReadTracking extends FilterInputStream {
    private IOException failure;

    ReadTracking(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
