package io.pinrepo.mirror;

import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.ServerSideCopy;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Copies one object from the origin into a region so that it becomes visible under its key only
 * whole and verified, written once with {@link WriteCondition#mustBeAbsent()}:
 *
 * <ul>
 *   <li><b>Streamed</b>: the origin's bytes go through this process into the region's write, whose
 *       content is {@link VerifiedContent}: the write cannot complete unless the bytes have the
 *       expected size and SHA-256.
 *   <li><b>Server-side</b> (both storages able to, and the index giving the digest): the origin
 *       copies into a temporary key {@code .pinrepo/mirror/tmp/SHA256(key).HOLDER} of the region;
 *       that copy is read back and hashed, and only when it verifies is it copied (server-side
 *       again, or streamed through {@link VerifiedContent} where the region cannot) to its key. A
 *       crash leaves at most the temporary object, which is never served and which expiry deletes.
 * </ul>
 *
 * Without an index digest the expected one is taken from the origin first (a read of the version
 * the copy then reads, pinned by its version token), so the copy is checked against the origin as
 * it was when the copy started.
 */
final class Copier {

  static final String TMP = ".pinrepo/mirror/tmp/";

  private final Storage origin;
  private final boolean serverSide;

  Copier(Storage origin, boolean serverSide) {
    this.origin = origin;
    this.serverSide = serverSide;
  }

  /** Whether a copy into {@code region} with an index digest goes server-side. */
  boolean serverSideTo(Region region) {
    return serverSide && origin instanceof ServerSideCopy copy && copy.canCopyTo(region.storage());
  }

  /**
   * Copies {@code key} into {@code region}, verified against {@code expected} (the index's), or
   * against the origin's bytes when empty; returns the copy's info.
   *
   * @throws CopyVerificationException when the bytes are not the expected ones
   */
  ObjectInfo copy(
      ObjectKey key, Region region, Optional<Expected> expected, String holder, Lease lease)
      throws IOException {
    if (expected.isPresent() && serverSideTo(region)) {
      return copyServerSide(key, region, expected.get(), holder, lease);
    }
    if (expected.isPresent()) {
      return publish(key, region, expected.get(), () -> origin.read(key), lease);
    }
    Pinned pinned = digestOfOrigin(key);
    return publish(key, region, pinned.expected(), () -> pinned.reopen(origin, key), lease);
  }

  private ObjectInfo copyServerSide(
      ObjectKey key, Region region, Expected expected, String holder, Lease lease)
      throws IOException {
    ObjectKey tmp = ObjectKey.of(TMP + Lease.keyOf(key).fileName() + "." + holder);
    Storage target = region.storage();
    ObjectInfo copied;
    try {
      ((ServerSideCopy) origin).copy(key, target, tmp, WriteCondition.none());
      VerifiedContent readBack =
          new VerifiedContent(key, () -> target.read(tmp), expected, lease::check);
      if (target instanceof ServerSideCopy within && within.canCopyTo(target)) {
        try (InputStream in = readBack.open()) {
          in.transferTo(OutputStream.nullOutputStream()); // throws unless the copy verifies
        }
        lease.check();
        copied = publishCopy(key, within, tmp, target);
      } else {
        copied = publish(key, region, expected, () -> target.read(tmp), lease);
      }
    } catch (IOException | RuntimeException e) {
      try {
        target.delete(tmp, WriteCondition.none());
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    target.delete(tmp, WriteCondition.none());
    return copied;
  }

  /** Copies the verified temporary object to its key within the region. */
  private static ObjectInfo publishCopy(
      ObjectKey key, ServerSideCopy within, ObjectKey tmp, Storage target) throws IOException {
    try {
      return within.copy(tmp, target, key, WriteCondition.mustBeAbsent());
    } catch (PreconditionFailedException e) {
      return target.stat(key).orElseThrow(() -> e);
    }
  }

  /** Writes {@code key} in the region from {@code bytes}, gated on {@code expected}. */
  private static ObjectInfo publish(
      ObjectKey key, Region region, Expected expected, VerifiedContent.Opener bytes, Lease lease)
      throws IOException {
    VerifiedContent content = new VerifiedContent(key, bytes, expected, lease::check);
    try {
      return region.storage().write(key, content, WriteCondition.mustBeAbsent());
    } catch (PreconditionFailedException e) {
      // a holder whose lease this process took over finished after all: its copy is verified too
      return region.storage().stat(key).orElseThrow(() -> e);
    } catch (IOException | RuntimeException e) {
      Optional<CopyVerificationException> failure = content.failure();
      if (failure.isPresent()) {
        if (failure.get() != e) {
          failure.get().addSuppressed(e); // the storage's report of it
        }
        throw failure.get();
      }
      throw e;
    }
  }

  /** The origin's bytes of one version, and that version's token. */
  private record Pinned(Expected expected, String versionToken) {
    InputStream reopen(Storage origin, ObjectKey key) throws IOException {
      ObjectStream in = origin.read(key);
      if (!in.info().versionToken().equals(versionToken)) {
        in.close();
        throw new IOException("origin object " + key + " changed while it was being copied");
      }
      return in;
    }
  }

  private Pinned digestOfOrigin(ObjectKey key) throws IOException {
    MessageDigest digest = HashAlgorithm.SHA256.newDigest();
    long size = 0;
    try (ObjectStream in = origin.read(key)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        size += n;
      }
      if (size != in.info().size()) {
        throw new IOException(
            "origin object " + key + " gave " + size + " bytes, not " + in.info().size());
      }
      String sha256 = HexFormat.of().formatHex(digest.digest());
      return new Pinned(
          new Expected(size, sha256, "the origin at the start of the copy"),
          in.info().versionToken());
    }
  }
}
