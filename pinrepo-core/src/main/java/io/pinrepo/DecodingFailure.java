package io.pinrepo;

import java.io.EOFException;
import java.util.List;
import java.util.Locale;

/**
 * Says in plain words why a decoder (ar, tar, zip, gzip, xz, zstd) gave up on a file, for {@link
 * MalformedPackageException#unreadable}. Decoders report in their own jargon ({@code Invalid header
 * PK}, {@code invalid CEN header}, {@code Unable to parse long from string value}) or not at all
 * ({@code EOFException}); a user needs to know whether the file is cut short, corrupt, of another
 * kind, or damaged. The decoder's own message stays in the cause, for {@code --debug}.
 */
enum DecodingFailure {
  TRUNCATED(
      "the file ends too early (truncated)",
      "truncated",
      "unexpected end",
      "premature end",
      "end of zlib",
      "failed to read header",
      "failed to read entry trailer"),
  CORRUPT(
      "its compressed data is corrupt",
      "is corrupt",
      "corruptedinput",
      "corruption",
      "crc",
      "checksum",
      "invalid code",
      "invalid distance",
      "invalid literal",
      "invalid stored block",
      "invalid bit length",
      "invalid block type",
      "incorrect header check",
      "too many length or distance"),
  WRONG_KIND(
      "its data is not in the expected format",
      "not in the",
      "formatexception",
      "unknown frame",
      "end header not found",
      "is empty",
      "reserved flags",
      "unsupported compression method",
      "invalid header"),
  DAMAGED(
      "its archive headers are damaged",
      "corrupted tar",
      "unable to parse",
      "invalid entry",
      "cen header",
      "loc header",
      "end header",
      "extra data field",
      "bad entry name",
      "bad header size");

  /** What is said when nothing more is known. */
  static final String UNKNOWN = "its contents are damaged and could not be decoded";

  private final String reason;
  private final List<String> hints;

  DecodingFailure(String reason, String... hints) {
    this.reason = reason;
    this.hints = List.of(hints);
  }

  /** The plain reason for {@code failure}, judged from its type and its decoder's message. */
  static String describe(Throwable failure) {
    if (failure instanceof EOFException) {
      return TRUNCATED.reason;
    }
    String text = (failure.getClass().getSimpleName() + " " + failure.getMessage());
    text = text.toLowerCase(Locale.ROOT);
    for (DecodingFailure kind : values()) {
      for (String hint : kind.hints) {
        if (text.contains(hint)) {
          return kind.reason;
        }
      }
    }
    return UNKNOWN;
  }
}
