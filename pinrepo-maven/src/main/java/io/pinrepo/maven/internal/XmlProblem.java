package io.pinrepo.maven.internal;

import java.io.CharConversionException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Says in plain words, on one line, why the JDK's XML parser refused a document: a truncated file,
 * bytes that are not text in the declared encoding, text outside the root element; otherwise the
 * parser's own sentence, with the line and column it stopped at.
 */
final class XmlProblem {
  private XmlProblem() {}

  static String describe(Exception e) {
    String message = parserMessage(e);
    String at = at(e);
    if (encodingFailure(e) || message.startsWith("Invalid byte ")) {
      return "is not valid text in its encoding (UTF-8 unless it declares another)" + at;
    }
    if (message.contains("must start and end within the same entity")
        || message.startsWith("Premature end of file")) {
      return "ends before its XML is complete (is it truncated?)" + at;
    }
    if (message.startsWith("Content is not allowed in prolog")) {
      return "does not start with XML: there is text before the root element" + at;
    }
    if (message.startsWith("Invalid encoding name")) {
      return "declares an encoding that cannot be read: "
          + message.substring("Invalid encoding name ".length())
          + at;
    }
    return "is not well-formed XML" + at + ": " + message;
  }

  /** The parser's sentence without its "ParseError at [row,col]" preamble, on one line. */
  private static String parserMessage(Exception e) {
    String message = String.valueOf(e.getMessage());
    int start = message.indexOf("Message: ");
    if (start >= 0) {
      message = message.substring(start + "Message: ".length());
    }
    message = message.replaceAll("\\s+", " ").trim();
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }

  private static String at(Exception e) {
    if (e instanceof XMLStreamException x && x.getLocation() != null) {
      Location l = x.getLocation();
      if (l.getLineNumber() > 0) {
        return " (line " + l.getLineNumber() + ", column " + l.getColumnNumber() + ")";
      }
    }
    return "";
  }

  private static boolean encodingFailure(Exception e) {
    return e instanceof XMLStreamException x
        && x.getNestedException() instanceof CharConversionException;
  }
}
