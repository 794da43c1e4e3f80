package io.pinrepo.mirror;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The smallest real format, for the mirror's tests in this module (the real formats depend on this
 * module for their own tests, so they cannot be used here; pinrepo-cli's tests use them): a top
 * {@code MANIFEST} listing {@code SHA256 SIZE KEY} per package file under {@code files/}, which are
 * immutable; files under {@code loose/} are immutable too but no index records their digest.
 */
final class ManifestFormat implements RepositoryFormat {

  static final ObjectKey MANIFEST = ObjectKey.of("MANIFEST");

  /** Publishes {@code files} ({@code files/NAME}) as a store would: blobs first, then the top. */
  static void publish(Storage storage, List<ObjectKey> keys, List<byte[]> contents)
      throws IOException {
    StringBuilder manifest = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      storage.write(keys.get(i), ContentSource.ofBytes(contents.get(i)), WriteCondition.none());
      manifest.append(sha256(contents.get(i))).append(' ').append(contents.get(i).length);
      manifest.append(' ').append(keys.get(i)).append('\n');
    }
    storage.write(MANIFEST, ContentSource.ofUtf8(manifest.toString()), WriteCondition.none());
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(HashAlgorithm.SHA256.newDigest().digest(bytes));
  }

  @Override
  public String name() {
    return "manifest";
  }

  @Override
  public boolean isPresent(Storage storage) throws IOException {
    return storage.stat(MANIFEST).isPresent();
  }

  @Override
  public void verify(Storage storage, VerifyContext context, Consumer<Problem> problems) {
    // not needed by the mirror
  }

  @Override
  public void markLive(Storage storage, Consumer<LiveObject> live) throws IOException {
    live.accept(LiveObject.top(MANIFEST));
    String text;
    try (ObjectStream in = storage.read(MANIFEST)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String line : text.lines().toList()) {
      String[] f = line.split(" ", 3);
      live.accept(LiveObject.blob(ObjectKey.of(f[2]), Long.parseLong(f[1]), f[0]));
    }
    try (ObjectListing loose = storage.list("loose/")) {
      while (loose.hasNext()) {
        ObjectInfo info = loose.next();
        live.accept(LiveObject.blob(info.key()));
      }
    }
  }

  @Override
  public List<String> collectablePrefixes(Storage storage) {
    return List.of("files/");
  }

  @Override
  public Optional<ServingMetadata> serving(ObjectKey key) {
    if (key.equals(MANIFEST)) {
      return Optional.of(ServingMetadata.shortLived("text/plain; charset=utf-8"));
    }
    String first = key.segments().get(0);
    return first.equals("files") || first.equals("loose")
        ? Optional.of(ServingMetadata.immutable("application/octet-stream"))
        : Optional.empty();
  }
}
