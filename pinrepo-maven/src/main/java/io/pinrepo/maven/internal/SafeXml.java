package io.pinrepo.maven.internal;

import io.pinrepo.MalformedPackageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses small XML documents (POMs, {@code maven-metadata.xml}, plugin descriptors) from untrusted
 * sources with the JDK's StAX parser: no DTD, no entity other than the five predefined ones, no
 * external resource, at most {@code maxBytes} and a bounded nesting depth. A document that breaks
 * any of these is refused with a {@link MalformedPackageException}; nothing is ever fetched.
 */
public final class SafeXml {

  private static final int MAX_DEPTH = 64;

  /** The encoding an XML declaration names: {@code <?xml version="1.0" encoding="UTF-8"?>}. */
  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("\\A<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._\\-]*)[\"']");

  private SafeXml() {}

  /**
   * Reads {@code in} to its end (at most {@code maxBytes}) and parses it; does not close it.
   *
   * @throws MalformedPackageException when the document is too large, has a DTD or is not
   *     well-formed XML
   */
  public static XmlElement parse(String source, InputStream in, int maxBytes) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new MalformedPackageException(source, "larger than " + maxBytes + " bytes");
    }
    return parse(source, bytes);
  }

  /**
   * Parses {@code bytes} as one XML document.
   *
   * @throws MalformedPackageException when it has a DTD or is not well-formed XML
   */
  public static XmlElement parse(String source, byte[] bytes) throws MalformedPackageException {
    XMLStreamReader reader = null;
    try {
      reader = factory().createXMLStreamReader(new StringReader(decode(source, bytes)));
      return read(source, reader);
    } catch (XMLStreamException e) {
      throw new MalformedPackageException(
          source, "not well-formed XML" + where(e) + ": " + what(e), e);
    } catch (RuntimeException e) {
      throw new MalformedPackageException(source, "not well-formed XML", e);
    } finally {
      close(reader);
    }
  }

  /**
   * The document's text, decoded here rather than by the parser: the JDK's parser prints its own
   * {@code [Fatal Error]} line on stderr for bytes that are not in the document's encoding. The
   * encoding is the byte order mark's, else the XML declaration's, else UTF-8.
   */
  private static String decode(String source, byte[] bytes) throws MalformedPackageException {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      skip = 3;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else {
      String prolog =
          new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
      Matcher declared = DECLARED_ENCODING.matcher(prolog);
      if (declared.find()) {
        try {
          charset = Charset.forName(declared.group(1));
        } catch (IllegalArgumentException e) {
          throw new MalformedPackageException(
              source, "declares the unknown encoding '" + declared.group(1) + "'", e);
        }
      }
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedPackageException(
          source, "not well-formed XML: its bytes are not valid " + charset.name(), e);
    }
  }

  private static XmlElement read(String source, XMLStreamReader reader)
      throws XMLStreamException, MalformedPackageException {
    Deque<Builder> open = new ArrayDeque<>();
    XmlElement root = null;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.DTD ->
            throw new MalformedPackageException(
                source, "has a DTD (refused: DTDs and entities are not allowed)");
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new MalformedPackageException(
                source, "uses the undeclared entity &" + reader.getLocalName() + ";");
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() >= MAX_DEPTH) {
            throw new MalformedPackageException(source, "nested deeper than " + MAX_DEPTH);
          }
          open.push(new Builder(reader.getLocalName()));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!open.isEmpty()) {
            open.peek().text.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          XmlElement done = open.pop().build();
          if (open.isEmpty()) {
            root = done;
          } else {
            open.peek().children.add(done);
          }
        }
        default -> {}
      }
    }
    if (root == null) {
      throw new MalformedPackageException(source, "no root element");
    }
    return root;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource refused: " + systemId);
        });
    return factory;
  }

  /** Where the parser stopped, as {@code " at line L, column C"}, if it says. */
  private static String where(XMLStreamException e) {
    Location at = e.getLocation();
    return at == null || at.getLineNumber() < 1
        ? ""
        : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
  }

  /** The parser's own words, without the position it prefixes them with. */
  private static String what(XMLStreamException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int words = message.indexOf("Message: ");
    if (words >= 0) {
      message = message.substring(words + "Message: ".length());
    }
    message = message.replaceAll("\\s+", " ").trim();
    return message.isEmpty() ? "the parser gave no reason" : message;
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // closing a reader over a byte array releases nothing that could fail
      }
    }
  }

  private static final class Builder {
    final String name;
    final StringBuilder text = new StringBuilder();
    final List<XmlElement> children = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    XmlElement build() {
      return new XmlElement(name, text.toString().trim(), children);
    }
  }
}
