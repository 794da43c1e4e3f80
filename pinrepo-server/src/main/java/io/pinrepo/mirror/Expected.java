package io.pinrepo.mirror;

/**
 * What a copy must hold: its size and SHA-256 (lower-case hex), from the repository's index or from
 * the origin at the start of the copy.
 */
record Expected(long size, String sha256, String source) {

  /** A short description for messages. */
  String describe() {
    return size + " bytes, SHA-256 " + sha256 + " (" + source + ")";
  }
}
