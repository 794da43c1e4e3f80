package io.pinrepo.debian;

import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ObjectKey;
import java.util.regex.Pattern;

/** Where a distribution's files live under {@code dists/<dist>/}. */
final class DistLayout {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

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

  static String directoryName(HashAlgorithm algorithm) {
    return switch (algorithm) {
      case MD5 -> "MD5Sum";
      case SHA1 -> "SHA1";
      case SHA256 -> "SHA256";
      case SHA512 -> "SHA512";
    };
  }
}
