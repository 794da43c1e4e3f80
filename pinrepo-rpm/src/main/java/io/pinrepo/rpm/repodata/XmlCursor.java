package io.pinrepo.rpm.repodata;

import io.pinrepo.MalformedPackageException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A forward-only walk over an XML document's elements, one package at a time: StAX without DTDs or
 * external entities. Tracks the depth so callers can skip elements they do not know.
 */
final class XmlCursor {
  private final String source;
  private final XMLStreamReader xml;
  private int depth;

  private XmlCursor(String source, XMLStreamReader xml) {
    this.source = source;
    this.xml = xml;
  }

  static XmlCursor open(String source, InputStream in) throws MalformedPackageException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    try {
      return new XmlCursor(source, factory.createXMLStreamReader(in));
    } catch (XMLStreamException e) {
      throw new MalformedPackageException(source, "not XML: " + oneLine(e), e);
    }
  }

  String source() {
    return source;
  }

  /** Moves to the root element and returns its local name. */
  String root() throws MalformedPackageException {
    String name = next(0);
    if (name == null) {
      throw bad("no root element");
    }
    return name;
  }

  /** How many elements are open. */
  int depth() {
    return depth;
  }

  /**
   * Moves to the next child of the element open at {@code parentDepth} (the root is at depth 1) and
   * returns its local name, or returns null once that element has ended. Whatever is left of an
   * earlier child, and deeper elements, are passed over.
   */
  String next(int parentDepth) throws MalformedPackageException {
    try {
      while (depth >= parentDepth && xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == parentDepth + 1) {
            return xml.getLocalName();
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      if (depth >= parentDepth && parentDepth > 0) {
        throw bad("ends inside an element");
      }
      return null;
    } catch (XMLStreamException e) {
      throw bad(oneLine(e));
    }
  }

  /** The value of the current element's attribute, or "" when absent. */
  String attribute(String localName) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      if (xml.getAttributeLocalName(i).equals(localName)) {
        return xml.getAttributeValue(i);
      }
    }
    return "";
  }

  /** A required attribute of the current element. */
  String required(String localName) throws MalformedPackageException {
    String value = attribute(localName);
    if (value.isEmpty()) {
      throw bad("<" + xml.getLocalName() + "> without " + localName);
    }
    return value;
  }

  /** A number attribute of the current element. */
  long number(String localName) throws MalformedPackageException {
    String value = required(localName);
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad("<" + xml.getLocalName() + "> has " + localName + "=\"" + value + "\"");
    }
  }

  /** The text of the current element, which must have no children; moves past its end. */
  String text() throws MalformedPackageException {
    try {
      String text = xml.getElementText();
      depth--;
      return text;
    } catch (XMLStreamException e) {
      throw bad(oneLine(e));
    }
  }

  MalformedPackageException bad(String problem) {
    return new MalformedPackageException(source, problem);
  }

  private static String oneLine(XMLStreamException e) {
    return String.valueOf(e.getMessage()).replace('\n', ' ');
  }
}
