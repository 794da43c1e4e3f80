package io.pinrepo.rpm.header;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Edits the bytes of a well-formed RPM file to make it hostile in one precise way. */
public final class RpmSurgery {
  static final int SIGNATURE = 96;

  final byte[] bytes;

  /** Works on a copy of {@code original}. */
  public RpmSurgery(byte[] original) {
    this.bytes = original.clone();
  }

  int getInt(int at) {
    return ByteBuffer.wrap(bytes).getInt(at);
  }

  RpmSurgery setInt(int at, int value) {
    ByteBuffer.wrap(bytes).putInt(at, value);
    return this;
  }

  /** The edited file. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Replaces the first occurrence of {@code ascii} in the main header with {@code raw}. */
  public RpmSurgery replaceInHeader(String ascii, byte[] raw) {
    byte[] find = ascii.getBytes(StandardCharsets.US_ASCII);
    if (find.length != raw.length) {
      throw new IllegalArgumentException("replacement must keep the length");
    }
    for (int i = header(); i + find.length <= payload(); i++) {
      if (Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
        System.arraycopy(raw, 0, bytes, i, raw.length);
        return this;
      }
    }
    throw new IllegalArgumentException("no '" + ascii + "' in the header");
  }

  /** Recomputes the signature header's SHA-1, SHA-256 and MD5 for the edited header and payload. */
  public RpmSurgery resign() {
    int h = header();
    byte[] header = Arrays.copyOfRange(bytes, h, payload());
    byte[] rest = Arrays.copyOfRange(bytes, h, bytes.length);
    byte[] sha1 = hex("SHA-1", header).getBytes(StandardCharsets.US_ASCII);
    byte[] sha256 = hex("SHA-256", header).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(sha1, 0, bytes, value(SIGNATURE, 269), sha1.length);
    System.arraycopy(sha256, 0, bytes, value(SIGNATURE, 273), sha256.length);
    byte[] md5 = digest("MD5").digest(rest);
    System.arraycopy(md5, 0, bytes, value(SIGNATURE, 1004), md5.length);
    return this;
  }

  private static String hex(String algorithm, byte[] data) {
    return HexFormat.of().formatHex(digest(algorithm).digest(data));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  RpmSurgery setByte(int at, int value) {
    bytes[at] = (byte) value;
    return this;
  }

  /** Where the main header starts: after the signature header and its padding. */
  int header() {
    int il = getInt(SIGNATURE + 8);
    int dl = getInt(SIGNATURE + 12);
    int end = SIGNATURE + 16 + 16 * il + dl;
    return end + (8 - end % 8) % 8;
  }

  /** Where a header's data store starts. */
  int data(int header) {
    return header + 16 + 16 * getInt(header + 8);
  }

  /** Where the index entry of {@code tag} lies in the header at {@code header}. */
  int entry(int header, int tag) {
    int il = getInt(header + 8);
    for (int i = 0; i < il; i++) {
      int at = header + 16 + 16 * i;
      if (getInt(at) == tag) {
        return at;
      }
    }
    throw new IllegalArgumentException("no tag " + tag);
  }

  /** Where the data of {@code tag} starts. */
  int value(int header, int tag) {
    return data(header) + getInt(entry(header, tag) + 8);
  }

  /** Where the header ends and the payload starts. */
  int payload() {
    int h = header();
    return data(h) + getInt(h + 12);
  }

  byte[] truncated(int length) {
    return Arrays.copyOf(bytes, length);
  }

  byte[] appended(int extra) {
    return Arrays.copyOf(bytes, bytes.length + extra);
  }
}
