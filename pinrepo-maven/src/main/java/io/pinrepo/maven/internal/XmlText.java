package io.pinrepo.maven.internal;

import io.pinrepo.MalformedPackageException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an XML document's bytes into text before the parser sees them, by its byte-order mark or
 * the encoding its declaration names (UTF-8 when neither), refusing bytes that are not text in that
 * encoding. Decoding here rather than in the JDK's parser gives a plain message, and keeps that
 * parser from printing its own report of bad bytes on stderr.
 */
final class XmlText {
  private static final Pattern DECLARED =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']{1,40})[\"']");

  private XmlText() {}

  static String decode(String source, byte[] bytes) throws MalformedPackageException {
    int skip = 0;
    Charset charset;
    if (starts(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      skip = 3;
    } else if (starts(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (starts(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else {
      charset = declared(source, bytes);
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new MalformedPackageException(
          source,
          "is not valid "
              + charset.name()
              + " text"
              + (charset.name().startsWith("UTF-16")
                  ? ""
                  : " (line " + line(bytes, in.position()) + ")")
              + (charset.equals(StandardCharsets.UTF_8)
                  ? ": save it as UTF-8, or declare its encoding"
                  : ""));
    }
    return out.flip().toString();
  }

  private static Charset declared(String source, byte[] bytes) throws MalformedPackageException {
    String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED.matcher(head);
    if (!m.find()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(m.group(1));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new MalformedPackageException(
          source,
          "declares the encoding " + Printable.quoted(m.group(1)) + ", which cannot be read");
    }
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int line(byte[] bytes, int end) {
    int line = 1;
    for (int i = 0; i < end && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
