package io.pinrepo.rpm.header;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Edits the bytes of a well-formed RPM file to make it hostile in one precise way. */
final class RpmSurgery {
  static final int SIGNATURE = 96;

  final byte[] bytes;

  RpmSurgery(byte[] original) {
    this.bytes = original.clone();
  }

  int getInt(int at) {
    return ByteBuffer.wrap(bytes).getInt(at);
  }

  RpmSurgery setInt(int at, int value) {
    ByteBuffer.wrap(bytes).putInt(at, value);
    return this;
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
