package io.pinrepo.debian;

import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ObjectKey;
import java.util.regex.Pattern;

/** Where a distribution's files live under {@code dists/<dist>/}. */
final class DistLayout {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  /**
   * The one digest whose by-hash name each index file is written under: apt fetches by-hash under
   * the strongest digest the Release lists, and this library lists SHA-512. Repositories written
   * before kept copies under every digest; those are not read and GC takes them.
   */
  static final HashAlgorithm BY_HASH = HashAlgorithm.SHA512;

  private final String dist;

  DistLayout(String dist) {
    this.dist = checkName("distribution", dist);
  }

  static String checkName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches() || name.length() > 100) {
      throw new IllegalArgumentException("invalid " + what + " name '" + name + "'");
    }
    return name;
  }

  String dist() {
    return dist;
  }

  ObjectKey file(String relative) {
    return ObjectKey.of("dists/" + dist + "/" + relative);
  }

  ObjectKey inRelease() {
    return file("InRelease");
  }

  ObjectKey release() {
    return file("Release");
  }

  ObjectKey releaseSignature() {
    return file("Release.gpg");
  }

  /** The content-addressed name of an index file, as apt derives it from the Release. */
  ObjectKey byHash(String relativePath, HashAlgorithm algorithm, String hex) {
    String dir = relativePath.substring(0, relativePath.lastIndexOf('/'));
    return file(dir + "/by-hash/" + directoryName(algorithm) + "/" + hex);
  }

  /**
   * The name {@link #BY_HASH} gives the index file at {@code relativePath} with {@code digests}.
   */
  ObjectKey byHash(String relativePath, Digests digests) {
    return byHash(relativePath, BY_HASH, digests.hex(BY_HASH));
  }

  static String directoryName(HashAlgorithm algorithm) {
    return switch (algorithm) {
      case MD5 -> "MD5Sum";
      case SHA1 -> "SHA1";
      case SHA256 -> "SHA256";
      case SHA512 -> "SHA512";
    };
  }
}
