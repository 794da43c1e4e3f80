package io.pinrepo.maven.internal;

import io.pinrepo.MalformedPackageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
      throw new MalformedPackageException(
          source, "is larger than " + size(maxBytes) + ", the most this file may be");
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
      reader = factory().createXMLStreamReader(new StringReader(XmlText.decode(source, bytes)));
      return read(source, reader);
    } catch (XMLStreamException | RuntimeException e) {
      throw new MalformedPackageException(source, XmlProblem.describe(e), e);
    } finally {
      close(reader);
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
                source,
                "has a <!DOCTYPE> declaration: DTDs and entities are refused (they can read"
                    + " local files or expand without bound)");
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new MalformedPackageException(
                source,
                "uses the entity &"
                    + reader.getLocalName()
                    + "; (only &amp; &lt; &gt; &quot; &apos; are allowed)");
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() >= MAX_DEPTH) {
            throw new MalformedPackageException(
                source,
                "has elements nested more than " + MAX_DEPTH + " deep (line " + line(reader) + ")");
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
    // The JDK's own parser, whatever else (Woodstox, say) is on the class path: its limits and
    // messages are the ones this class is written and tested for.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setXMLReporter((message, type, info, location) -> {}); // errors arrive as exceptions
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource refused: " + systemId);
        });
    return factory;
  }

  private static int line(XMLStreamReader reader) {
    return reader.getLocation() == null ? -1 : reader.getLocation().getLineNumber();
  }

  private static String size(int bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
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
