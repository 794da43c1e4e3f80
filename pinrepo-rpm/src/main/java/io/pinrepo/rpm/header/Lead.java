package io.pinrepo.rpm.header;

import io.pinrepo.MalformedPackageException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The 96-byte lead every RPM file starts with. rpm ignores most of it today; what it still checks
 * is checked here: the magic, a format version of 3 or 4, and a signature of type 5 (a header).
 *
 * @param sourceType whether the lead's type says "source package"
 */
record Lead(boolean sourceType) {
  static final int SIZE = 96;
  private static final int HEADER_SIGNATURE = 5;

  static Lead read(InputStream in, String source) throws IOException {
    byte[] b = in.readNBytes(SIZE);
    if (b.length < 4
        || (b[0] & 0xFF) != 0xED
        || (b[1] & 0xFF) != 0xAB
        || (b[2] & 0xFF) != 0xEE
        || (b[3] & 0xFF) != 0xDB) {
      throw new MalformedPackageException(source, "not an RPM file (no lead magic)");
    }
    if (b.length < SIZE) {
      throw new MalformedPackageException(
          source, "truncated in the lead (" + b.length + " of " + SIZE + " bytes)");
    }
    if (b[4] != 3 && b[4] != 4) {
      throw new MalformedPackageException(source, "unsupported RPM format version " + b[4]);
    }
    int signatureType = ((b[78] & 0xFF) << 8) | (b[79] & 0xFF);
    if (signatureType != HEADER_SIGNATURE) {
      throw new MalformedPackageException(source, "unsupported signature type " + signatureType);
    }
    return new Lead(((b[6] & 0xFF) << 8 | (b[7] & 0xFF)) == 1);
  }
}
