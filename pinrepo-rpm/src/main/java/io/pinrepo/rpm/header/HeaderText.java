package io.pinrepo.rpm.header;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes header strings as createrepo_c does: UTF-8 when the bytes are valid UTF-8, otherwise
 * ISO-8859-1, dropping the bytes 0x80 to 0xBF (C1 controls, usually misencoded CP-1252).
 */
final class HeaderText {
  private HeaderText() {}

  static String decode(byte[] bytes, int from, int to) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      StringBuilder latin1 = new StringBuilder(to - from);
      for (int i = from; i < to; i++) {
        int b = bytes[i] & 0xFF;
        if (b < 0x80 || b >= 0xC0) {
          latin1.append((char) b);
        }
      }
      return latin1.toString();
    }
  }
}
