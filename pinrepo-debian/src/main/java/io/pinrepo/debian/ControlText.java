package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.debian.control.ControlField;
import io.pinrepo.debian.control.ControlParagraph;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A package's control file as untrusted text, before its paragraph goes into an index: UTF-8, no
 * control characters (which could smuggle lines into the index or the terminal), one paragraph,
 * each field once and at most {@link #MAX_FIELD_BYTES}, and none of the fields only the repository
 * writes ({@code Filename}, {@code Size} and the digests).
 */
final class ControlText {

  /** The largest value of one field. */
  static final int MAX_FIELD_BYTES = 256 << 10;

  private static final List<String> REPOSITORY_FIELDS =
      List.of("Filename", "Size", "MD5sum", "SHA1", "SHA256", "SHA512");

  private ControlText() {}

  static ControlParagraph parse(byte[] bytes, String source) throws MalformedPackageException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedPackageException(source, "control file is not UTF-8 text", e);
    }
    checkCharacters(text, source);
    ControlParagraph paragraph;
    try {
      paragraph = ControlParagraph.parse(text, source);
    } catch (MalformedPackageException e) {
      throw new MalformedPackageException(source, "control file " + e.problem(), e);
    }
    for (ControlField field : paragraph.fields()) {
      for (String reserved : REPOSITORY_FIELDS) {
        if (field.isNamed(reserved)) {
          throw new MalformedPackageException(
              source, "control file sets " + field.name() + ", a field only the repository writes");
        }
      }
      int size = field.value().getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_FIELD_BYTES) {
        throw new MalformedPackageException(
            source,
            "control file field "
                + field.name()
                + " is "
                + size
                + " bytes; at most "
                + (MAX_FIELD_BYTES >> 10)
                + " KiB is accepted");
      }
    }
    return paragraph;
  }

  private static void checkCharacters(String text, String source) throws MalformedPackageException {
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if ((c < 0x20 && c != '\t' && !(c == '\r' && next(text, i) == '\n')) || c == 0x7f) {
        throw new MalformedPackageException(
            source,
            "control file line "
                + line
                + " holds the control character U+"
                + String.format(Locale.ROOT, "%04X", (int) c));
      }
    }
  }

  private static char next(String text, int i) {
    return i + 1 < text.length() ? text.charAt(i + 1) : 0;
  }
}
