package io.pinrepo.debian;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.ScopedFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
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
 *
 * <p>Get the instance configured like a publisher from {@link AptRepository#format()}: it judges
 * by-hash retention by that repository's clock and reads indexes up to its {@code maxIndexBytes}.
 * The no-argument instance, which {@link java.util.ServiceLoader} makes, has the defaults.
 *
 * <p>Live objects and their roles: the commit point ({@code InRelease}, or {@code Release} when the
 * distribution is unsigned) is {@link LiveObject.Role#TOP}; so is {@code pinrepo-superseded}, the
 * record of superseded indexes, which is replaced only by a conditional write on its own version
 * and cannot be rendered from the commit point, and so is {@code pinrepo-promotions}, the history
 * of promotions ({@link AptPromotion}), whose index files (and the pool files they list) stay live
 * for as long as the history keeps them. {@code Release} and {@code Release.gpg} beside an
 * InRelease and the legacy {@code Packages*} paths are {@link LiveObject.Role#DERIVED} (they may
 * lag or be briefly absent while a publisher settles them). Index files under their SHA-512 by-hash
 * name are blobs with the size and SHA-256 their Release lists, pool files blobs with the size and
 * SHA-256 their index entry lists.
 *
 * <p>Its parts ({@link ScopedFormat}) are distributions, {@code dist}: one distribution's tops and
 * what they reach, pool files included; no top is shared between distributions.
 */
public final class AptFormat implements RepositoryFormat, ScopedFormat {

  private final Settings settings;

  /** An APT format with the default settings: the system UTC clock, 512 MiB indexes at most. */
  public AptFormat() {
    this(Settings.defaults());
  }

  AptFormat(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
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

  /**
   * {@code dists/} and {@code pool/} keys: Release files and legacy indexes as short-lived text,
   * by-hash and pool files as immutable.
   */
  @Override
  public Optional<ServingMetadata> serving(ObjectKey key) {
    return AptServing.of(key);
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

  @Override
  public void markLive(Storage storage, Consumer<LiveObject> live) throws IOException {
    Set<ObjectKey> reported = new HashSet<>();
    Consumer<LiveObject> once =
        object -> {
          if (reported.add(object.key())) {
            live.accept(object);
          }
        };
    for (String dist : distributions(storage)) {
      markDistribution(storage, new DistLayout(dist), once);
    }
  }

  /** {@code dist}: an APT repository's parts are its distributions. */
  @Override
  public String scopeKind() {
    return "dist";
  }

  /**
   * Reports what the distribution {@code scope} reaches, as {@link #markLive(Storage, Consumer)}
   * does for every distribution; nothing when it does not exist.
   *
   * @throws IllegalArgumentException when {@code scope} is not a valid distribution name
   */
  @Override
  public void markLive(Storage storage, String scope, Consumer<LiveObject> live)
      throws IOException {
    DistLayout layout = new DistLayout(scope);
    Set<ObjectKey> reported = new HashSet<>();
    markDistribution(
        storage,
        layout,
        object -> {
          if (reported.add(object.key())) {
            live.accept(object);
          }
        });
  }

  private void markDistribution(Storage storage, DistLayout layout, Consumer<LiveObject> live)
      throws IOException {
    DistState state = DistState.readLatest(storage, settings, layout);
    if (!state.top().exists()) {
      return; // deleted since the listing
    }
    live.accept(LiveObject.top(state.top().key()));
    if (state.top().key().equals(layout.inRelease())) {
      live.accept(LiveObject.derived(layout.release()));
      live.accept(LiveObject.derived(layout.releaseSignature()));
    }
    for (Map.Entry<String, Digests> file : state.files().entrySet()) {
      live.accept(LiveObject.derived(layout.file(file.getKey())));
      markIndex(storage, layout, file.getKey(), file.getValue(), live);
    }
    if (storage.stat(SupersededIndexes.key(layout)).isPresent()) {
      live.accept(LiveObject.top(SupersededIndexes.key(layout)));
      for (SupersededIndexes.Entry e : SupersededIndexes.read(storage, layout)) {
        if (e.until().isAfter(settings.clock().instant())) {
          markIndex(storage, layout, e.path(), e.digests(), live);
        }
      }
    }
    if (storage.stat(PromotionHistory.key(layout)).isPresent()) {
      live.accept(LiveObject.top(PromotionHistory.key(layout)));
      for (Promotion promotion : PromotionHistory.read(storage, layout)) {
        for (Map.Entry<String, Digests> file : promotion.files().entrySet()) {
          markIndex(storage, layout, file.getKey(), file.getValue(), live);
        }
      }
    }
  }

  private void markIndex(
      Storage storage, DistLayout layout, String path, Digests digests, Consumer<LiveObject> live)
      throws IOException {
    live.accept(LiveObject.blob(layout.byHash(path, digests), digests.size(), digests.sha256()));
    if (path.endsWith("/Packages")) {
      try {
        byte[] index = DistState.readByHash(storage, settings, layout, path, digests);
        for (IndexEntry e : PackagesIndex.parse(index, path)) {
          live.accept(e.poolFile());
        }
      } catch (ObjectNotFoundException gone) {
        // A superseded index already collected: nothing more of it to keep.
      }
    }
  }

  @Override
  public List<String> collectablePrefixes(Storage storage) throws IOException {
    SortedSet<String> prefixes = new TreeSet<>(Set.of("pool/"));
    for (String dist : distributions(storage)) {
      DistLayout layout = new DistLayout(dist);
      List<String> paths =
          new ArrayList<>(DistState.readLatest(storage, settings, layout).files().keySet());
      SupersededIndexes.read(storage, layout).forEach(e -> paths.add(e.path()));
      PromotionHistory.read(storage, layout).forEach(p -> paths.addAll(p.files().keySet()));
      for (String path : paths) {
        prefixes.add(layout.file(path.substring(0, path.lastIndexOf('/'))).value() + "/by-hash/");
      }
    }
    return List.copyOf(prefixes);
  }

  @Override
  public void verify(Storage storage, VerifyContext context, Consumer<Problem> problems)
      throws IOException {
    Set<String> poolChecked = new TreeSet<>();
    for (String dist : distributions(storage)) {
      DistLayout layout = new DistLayout(dist);
      Consumer<String> problem =
          p -> problems.accept(new Problem("apt", layout.file("Release"), p));
      context
          .signatures()
          .ifPresent(c -> checkSignatures(storage, layout, c, context.derivedMayLag(), problems));
      DistState state;
      try {
        state = DistState.readLatest(storage, settings, layout);
      } catch (IOException e) {
        problem.accept(oneLine(e));
        continue;
      }
      for (Map.Entry<String, Digests> file : state.files().entrySet()) {
        checkIndex(storage, layout, file.getKey(), file.getValue(), context, problems);
      }
      for (String path : state.files().keySet()) {
        if (path.endsWith("/Packages")) {
          for (IndexEntry e : entries(storage, layout, path, state, problems)) {
            if (poolChecked.add(e.filename())) {
              checkPoolFile(storage, e, problems);
            }
          }
        }
      }
    }
  }

  private List<IndexEntry> entries(
      Storage storage,
      DistLayout layout,
      String path,
      DistState state,
      Consumer<Problem> problems) {
    try {
      return PackagesIndex.parse(
          DistState.readByHash(storage, settings, layout, path, state.files().get(path)), path);
    } catch (IOException e) {
      problems.accept(new Problem("apt", layout.file(path), oneLine(e)));
      return List.of();
    }
  }

  /** Checks an index under its by-hash names and, unless derived files may lag, its legacy path. */
  private static void checkIndex(
      Storage storage,
      DistLayout layout,
      String path,
      Digests digests,
      VerifyContext context,
      Consumer<Problem> problems)
      throws IOException {
    List<ObjectKey> keys = new ArrayList<>();
    keys.add(layout.byHash(path, digests));
    if (!context.derivedMayLag()) {
      keys.add(layout.file(path));
    }
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

  /**
   * Checks InRelease and, unless derived files may lag, that Release.gpg signs Release (both are
   * derived from InRelease, and a new distribution's may precede it).
   */
  private static void checkSignatures(
      Storage storage,
      DistLayout layout,
      SignatureChecker checker,
      boolean derivedMayLag,
      Consumer<Problem> problems) {
    try {
      Optional<byte[]> inRelease = bytes(storage, layout.inRelease());
      Optional<byte[]> release = bytes(storage, layout.release());
      Optional<byte[]> signature = bytes(storage, layout.releaseSignature());
      if (inRelease.isEmpty() && signature.isEmpty()) {
        if (!derivedMayLag) {
          problems.accept(new Problem("apt", layout.release(), "not signed (no InRelease)"));
        }
        return;
      }
      if (inRelease.isPresent()) {
        checker.verifyClearSigned(inRelease.get());
      }
      if (!derivedMayLag
          && signature.isPresent()
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
