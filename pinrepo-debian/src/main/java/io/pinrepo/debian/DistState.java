package io.pinrepo.debian;

import io.pinrepo.commit.Top;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * A distribution as read at the start of a commit attempt: the commit point ({@code InRelease} when
 * signing, else {@code Release}) with its version token, and the Release it holds. Indexes are read
 * through their by-hash names, so they are exactly the ones that Release lists even while other
 * publishers commit.
 */
final class DistState {
  private static final int MAX_RELEASE_BYTES = 16 << 20;

  private final Storage storage;
  private final Settings settings;
  private final DistLayout layout;
  private final Top top;
  private final Optional<ReleaseFile> release;
  private final Map<String, byte[]> indexBytes = new HashMap<>();

  /** The digest check of each index file read, running while the caller works on its bytes. */
  private final Map<String, CompletableFuture<Void>> checks = new HashMap<>();

  private final Map<List<Object>, Optional<PackagesSplice>> splices = new HashMap<>();

  private DistState(
      Storage storage,
      Settings settings,
      DistLayout layout,
      Top top,
      Optional<ReleaseFile> release) {
    this.storage = storage;
    this.settings = settings;
    this.layout = layout;
    this.top = top;
    this.release = release;
  }

  static ObjectKey commitPoint(Settings settings, DistLayout layout) {
    return settings.signer().isPresent() ? layout.inRelease() : layout.release();
  }

  /** Reads the state a commit starts from: the commit point this publisher writes. */
  static DistState read(Storage storage, Settings settings, DistLayout layout) throws IOException {
    boolean signed = settings.signer().isPresent();
    if (!signed && storage.stat(layout.inRelease()).isPresent()) {
      // Committing on Release would leave apt reading the stale InRelease.
      throw new IOException(
          layout.inRelease() + " exists: this distribution is signed; publish with a signing key");
    }
    Top top = Top.read(storage, commitPoint(settings, layout), MAX_RELEASE_BYTES);
    if (top.exists()) {
      String text = new String(top.bytes(), StandardCharsets.UTF_8);
      String where = top.key().value();
      String release = signed ? ClearSigned.content(text, where) : text;
      return new DistState(
          storage, settings, layout, top, Optional.of(ReleaseFile.parse(release, where)));
    }
    if (signed) {
      // A distribution published unsigned so far: start from its Release.
      Top plain = Top.read(storage, layout.release(), MAX_RELEASE_BYTES);
      Optional<ReleaseFile> release =
          plain.exists()
              ? Optional.of(
                  ReleaseFile.parse(
                      new String(plain.bytes(), StandardCharsets.UTF_8), plain.key().value()))
              : Optional.empty();
      return new DistState(storage, settings, layout, top, release);
    }
    return new DistState(storage, settings, layout, top, Optional.empty());
  }

  /**
   * Reads the newest state for reading only: {@code InRelease} when there is one (whether or not
   * this publisher signs; the signature is not checked), else {@code Release}.
   */
  static DistState readLatest(Storage storage, Settings settings, DistLayout layout)
      throws IOException {
    Top signed = Top.read(storage, layout.inRelease(), MAX_RELEASE_BYTES);
    if (signed.exists()) {
      String text = new String(signed.bytes(), StandardCharsets.UTF_8);
      String where = signed.key().value();
      return new DistState(
          storage,
          settings,
          layout,
          signed,
          Optional.of(ReleaseFile.parse(ClearSigned.content(text, where), where)));
    }
    Top plain = Top.read(storage, layout.release(), MAX_RELEASE_BYTES);
    Optional<ReleaseFile> release =
        plain.exists()
            ? Optional.of(
                ReleaseFile.parse(
                    new String(plain.bytes(), StandardCharsets.UTF_8), plain.key().value()))
            : Optional.empty();
    return new DistState(storage, settings, layout, plain, release);
  }

  Top top() {
    return top;
  }

  SortedMap<String, Digests> files() {
    return release.map(ReleaseFile::files).orElseGet(TreeMap::new);
  }

  /**
   * The Packages files the Release lists as rendered by this library ({@link
   * ReleaseFile#rendered}).
   */
  SortedSet<String> rendered() {
    return release.map(ReleaseFile::rendered).orElseGet(TreeSet::new);
  }

  SortedSet<String> components() {
    return release.map(ReleaseFile::components).orElseGet(TreeSet::new);
  }

  SortedSet<String> architectures() {
    return release.map(ReleaseFile::architectures).orElseGet(TreeSet::new);
  }

  /** The {@code Packages} indexes {@code component} has, of ordinary packages and of udebs. */
  SortedSet<IndexId> indexes(String component) {
    SortedSet<IndexId> indexes = new TreeSet<>();
    for (String path : files().keySet()) {
      IndexId.locate(path)
          .filter(l -> l.component().equals(component) && l.fileName().equals("Packages"))
          .ifPresent(l -> indexes.add(l.index()));
    }
    return indexes;
  }

  /**
   * The bytes of {@code component}'s {@code index}, which must exist. Read once per state: an index
   * file of a given digest never changes.
   */
  byte[] packagesBytes(String component, IndexId index) throws IOException {
    String path = index.packagesPath(component);
    Digests digests = files().get(path);
    if (digests == null) {
      throw new IllegalStateException("no index " + path);
    }
    return indexBytes(path, digests);
  }

  /**
   * The bytes of the index file at {@code path} (relative to the distribution) if Release lists it,
   * read through its by-hash name once per state.
   */
  Optional<byte[]> listedBytes(String path) throws IOException {
    Digests digests = files().get(path);
    if (digests == null) {
      return Optional.empty();
    }
    return Optional.of(indexBytes(path, digests));
  }

  /**
   * The bytes of the index file at {@code path}, read once per state. Its digest is checked on
   * another thread, overlapping the work on its bytes (on a cold JVM, SHA-512 of a 10,000-package
   * index costs about as much as scanning it); {@link #verifyReads} waits for the checks.
   */
  private byte[] indexBytes(String path, Digests digests) throws IOException {
    byte[] bytes = indexBytes.get(path);
    if (bytes == null) {
      ObjectKey key = layout.byHash(path, digests);
      byte[] read = readSized(storage, settings, key, digests);
      checks.put(path, CompletableFuture.runAsync(() -> check(key, read, digests)));
      indexBytes.put(path, read);
      bytes = read;
    }
    return bytes;
  }

  /**
   * Waits for the digest checks of the index files this state has read, so that nothing made from
   * their bytes is committed or reported before they are known to be the ones Release lists.
   *
   * @throws IOException naming the first file that does not match
   */
  void verifyReads() throws IOException {
    for (CompletableFuture<Void> check : checks.values()) {
      IndexCompression.join(check);
    }
  }

  /**
   * {@code component}'s {@code index} (which must exist) scanned for splicing with the stanzas of
   * {@code names} parsed; empty when it is not in rendered form. Scanned once per state and names.
   */
  Optional<PackagesSplice> splice(String component, IndexId index, Set<String> names)
      throws IOException {
    String path = index.packagesPath(component);
    List<Object> key = List.of(path, Set.copyOf(names));
    Optional<PackagesSplice> splice = splices.get(key);
    if (splice == null) {
      splice =
          PackagesSplice.of(
              packagesBytes(component, index), names, path, rendered().contains(path));
      splices.put(key, splice);
    }
    return splice;
  }

  /**
   * This state if its commit point is still the version read (one stat), else the distribution read
   * again. A state read before the commit point existed is always read again, as is an unsigned one
   * when an InRelease has appeared.
   */
  DistState again() throws IOException {
    if (top.exists()
        && (settings.signer().isPresent() || storage.stat(layout.inRelease()).isEmpty())
        && storage.stat(top.key()).map(ObjectInfo::versionToken).equals(top.versionToken())) {
      return this;
    }
    return read(storage, settings, layout);
  }

  /** The entries of {@code component}'s {@code index}, which must exist. */
  List<IndexEntry> packages(String component, IndexId index) throws IOException {
    byte[] bytes = packagesBytes(component, index);
    verifyReads();
    return PackagesIndex.parse(bytes, layout.file(index.packagesPath(component)).value());
  }

  /**
   * Reads an index file through its by-hash name ({@link DistLayout#BY_HASH}) and checks it against
   * that digest.
   */
  static byte[] readByHash(
      Storage storage, Settings settings, DistLayout layout, String path, Digests digests)
      throws IOException {
    ObjectKey key = layout.byHash(path, digests);
    byte[] bytes = readSized(storage, settings, key, digests);
    try {
      check(key, bytes, digests);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return bytes;
  }

  /** Reads {@code key}, which must hold {@code digests.size()} bytes within the index limit. */
  private static byte[] readSized(
      Storage storage, Settings settings, ObjectKey key, Digests digests) throws IOException {
    if (digests.size() > settings.maxIndexBytes()) {
      throw new IOException(key + " is " + digests.size() + " bytes, over the limit");
    }
    byte[] bytes;
    try (ObjectStream in = storage.read(key)) {
      bytes = in.readNBytes((int) digests.size() + 1);
    }
    if (bytes.length != digests.size()) {
      throw mismatch(key);
    }
    return bytes;
  }

  private static void check(ObjectKey key, byte[] bytes, Digests digests) {
    MessageDigest digest = DistLayout.BY_HASH.newDigest();
    // In chunks: the JIT compiles the digest loop with the CPU's SHA instructions only once it has
    // been called many times, never within one call over a 60 MB index.
    for (int offset = 0; offset < bytes.length; offset += 64 * 1024) {
      digest.update(bytes, offset, Math.min(64 * 1024, bytes.length - offset));
    }
    if (!HexFormat.of().formatHex(digest.digest()).equals(digests.hex(DistLayout.BY_HASH))) {
      throw new UncheckedIOException(mismatch(key));
    }
  }

  private static IOException mismatch(ObjectKey key) {
    return new IOException(
        key + " does not match the " + DistLayout.BY_HASH + " its Release lists");
  }
}
