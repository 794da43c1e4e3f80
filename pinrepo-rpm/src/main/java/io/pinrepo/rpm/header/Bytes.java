package io.pinrepo.rpm.header;

/** Big-endian integers, as every number in an RPM file is stored. */
final class Bytes {
  private Bytes() {}

  static int s32(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  static long u32(byte[] b, int at) {
    return s32(b, at) & 0xFFFF_FFFFL;
  }

  static long s64(byte[] b, int at) {
    return (u32(b, at) << 32) | u32(b, at + 4);
  }
}
