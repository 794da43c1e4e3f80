package io.pinrepo.debian;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.format.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * APT repositories as repository-wide tools see them: every distribution under {@code dists/}, what
 * its Release reaches (indexes under every by-hash name, legacy paths, pool files) plus the
 * superseded indexes still within their by-hash retention, and checks of all of it.
 */
public final class AptFormat implements RepositoryFormat {

  private final Clock clock;

  /** Judges by-hash retention by the system UTC clock. */
  public AptFormat() {
    this(Clock.systemUTC());
  }

  /** Judges by-hash retention by {@code clock}. */
  public AptFormat(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "apt";
  }

  @Override
  public boolean isPresent(Storage storage) throws IOException {
    try (ObjectListing listing = storage.list("dists/")) {
      return listing.hasNext();
    }
  }

  /** The distributions: every {@code dists/<dist>/} with an InRelease or Release. */
  static SortedSet<String> distributions(Storage storage) throws IOException {
    SortedSet<String> dists = new TreeSet<>();
    try (ObjectListing listing = storage.list("dists/")) {
      while (listing.hasNext()) {
        List<String> segments = listing.next().key().segments();
        if (segments.size() == 3
            && (segments.get(2).equals("InRelease") || segments.get(2).equals("Release"))) {
          dists.add(segments.get(1));
        }
      }
    }
    return dists;
  }

  private static Settings readOnly(Storage storage) {
    return new Settings(
        storage,
        Optional.empty(),
        Clock.systemUTC(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        IndexCompression.DEFAULT,
        new TreeSet<>(),
        Retention.keepAll(),
        false,
        RetryPolicy.DEFAULT,
        Integer.MAX_VALUE - 8,
        Duration.ZERO);
  }

  @Override
  public void markLive(Storage storage, Consumer<ObjectKey> live) throws IOException {
    Settings settings = readOnly(storage);
    for (String dist : distributions(storage)) {
      DistLayout layout = new DistLayout(dist);
      for (ObjectKey top :
          List.of(
              layout.inRelease(),
              layout.release(),
              layout.releaseSignature(),
              SupersededIndexes.key(layout))) {
        live.accept(top);
      }
      DistState state = DistState.readLatest(settings, layout);
      for (Map.Entry<String, Digests> file : state.files().entrySet()) {
        live.accept(layout.file(file.getKey()));
        markIndex(settings, layout, file.getKey(), file.getValue(), live);
      }
      for (SupersededIndexes.Entry e : SupersededIndexes.read(storage, layout)) {
        if (e.until().isAfter(clock.instant())) {
          markIndex(settings, layout, e.path(), e.digests(), live);
        }
      }
    }
  }

  private static void markIndex(
      Settings settings, DistLayout layout, String path, Digests digests, Consumer<ObjectKey> live)
      throws IOException {
    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
      live.accept(layout.byHash(path, algorithm, digests.hex(algorithm)));
    }
    if (path.endsWith("/Packages")) {
      try {
        for (IndexEntry e :
            PackagesIndex.parse(DistState.readByHash(settings, layout, path, digests), path)) {
          live.accept(ObjectKey.of(e.filename()));
        }
      } catch (ObjectNotFoundException gone) {
        // A superseded index already collected: nothing more of it to keep.
      }
    }
  }

  @Override
  public List<String> collectablePrefixes(Storage storage) throws IOException {
    Settings settings = readOnly(storage);
    SortedSet<String> prefixes = new TreeSet<>(Set.of("pool/"));
    for (String dist : distributions(storage)) {
      DistLayout layout = new DistLayout(dist);
      List<String> paths = new ArrayList<>(DistState.readLatest(settings, layout).files().keySet());
      SupersededIndexes.read(storage, layout).forEach(e -> paths.add(e.path()));
      for (String path : paths) {
        prefixes.add(layout.file(path.substring(0, path.lastIndexOf('/'))).value() + "/by-hash/");
      }
    }
    return List.copyOf(prefixes);
  }

  @Override
  public void verify(Storage storage, VerifyContext context, Consumer<Problem> problems)
      throws IOException {
    Settings settings = readOnly(storage);
    Set<String> poolChecked = new TreeSet<>();
    for (String dist : distributions(storage)) {
      DistLayout layout = new DistLayout(dist);
      Consumer<String> problem =
          p -> problems.accept(new Problem("apt", layout.file("Release"), p));
      context.signatures().ifPresent(c -> checkSignatures(storage, layout, c, problems));
      DistState state;
      try {
        state = DistState.readLatest(settings, layout);
      } catch (IOException e) {
        problem.accept(oneLine(e));
        continue;
      }
      for (Map.Entry<String, Digests> file : state.files().entrySet()) {
        checkIndex(storage, layout, file.getKey(), file.getValue(), problems);
      }
      for (String path : state.files().keySet()) {
        if (path.endsWith("/Packages")) {
          for (IndexEntry e : entries(settings, layout, path, state, problems)) {
            if (poolChecked.add(e.filename())) {
              checkPoolFile(storage, e, problems);
            }
          }
        }
      }
    }
  }

  private static List<IndexEntry> entries(
      Settings settings,
      DistLayout layout,
      String path,
      DistState state,
      Consumer<Problem> problems) {
    try {
      return PackagesIndex.parse(
          DistState.readByHash(settings, layout, path, state.files().get(path)), path);
    } catch (IOException e) {
      problems.accept(new Problem("apt", layout.file(path), oneLine(e)));
      return List.of();
    }
  }

  private static void checkIndex(
      Storage storage, DistLayout layout, String path, Digests digests, Consumer<Problem> problems)
      throws IOException {
    List<ObjectKey> keys = new ArrayList<>();
    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
      keys.add(layout.byHash(path, algorithm, digests.hex(algorithm)));
    }
    keys.add(layout.file(path));
    for (ObjectKey key : keys) {
      Optional<Digests> got = digestsOf(storage, key);
      if (got.isEmpty()) {
        problems.accept(new Problem("apt", key, "missing; the Release lists it"));
      } else if (!got.get().equals(digests)) {
        problems.accept(
            new Problem(
                "apt", key, "differs from the Release (sha256 " + got.get().sha256() + ")"));
      }
    }
  }

  private static void checkPoolFile(Storage storage, IndexEntry e, Consumer<Problem> problems)
      throws IOException {
    ObjectKey key = ObjectKey.of(e.filename());
    Optional<Digests> got = digestsOf(storage, key);
    if (got.isEmpty()) {
      problems.accept(new Problem("apt", key, "missing; an index lists " + e.name()));
    } else if (got.get().size() != Long.parseLong(e.stanza().require("Size"))
        || !got.get().sha256().equals(e.sha256())) {
      problems.accept(new Problem("apt", key, "size or SHA-256 differs from its index entry"));
    }
  }

  private static void checkSignatures(
      Storage storage, DistLayout layout, SignatureChecker checker, Consumer<Problem> problems) {
    try {
      Optional<byte[]> inRelease = bytes(storage, layout.inRelease());
      Optional<byte[]> release = bytes(storage, layout.release());
      Optional<byte[]> signature = bytes(storage, layout.releaseSignature());
      if (inRelease.isEmpty() && signature.isEmpty()) {
        problems.accept(new Problem("apt", layout.release(), "not signed (no InRelease)"));
        return;
      }
      if (inRelease.isPresent()) {
        checker.verifyClearSigned(inRelease.get());
      }
      if (signature.isPresent()
          && (release.isEmpty()
              || !checker.verifyDetached(
                  new ByteArrayInputStream(release.get()), signature.get()))) {
        problems.accept(new Problem("apt", layout.releaseSignature(), "does not verify Release"));
      }
    } catch (IOException e) {
      problems.accept(new Problem("apt", layout.inRelease(), oneLine(e)));
    }
  }

  private static Optional<byte[]> bytes(Storage storage, ObjectKey key) throws IOException {
    try (ObjectStream in = storage.read(key)) {
      return Optional.of(in.readAllBytes());
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  private static Optional<Digests> digestsOf(Storage storage, ObjectKey key) throws IOException {
    Optional<ObjectInfo> info = storage.stat(key);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    try (ObjectStream in = storage.read(key)) {
      return Optional.of(Digests.of(in));
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.lines().findFirst().orElse(m);
  }
}
