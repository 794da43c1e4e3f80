package io.pinrepo.maven.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a parsed XML document: its local name (namespaces dropped), its trimmed text and
 * its child elements in document order.
 *
 * @param name the local name
 * @param text the element's own character data, trimmed; empty when none
 * @param children the child elements, in order
 */
public record XmlElement(String name, String text, List<XmlElement> children) {

  /** Copies the children. */
  public XmlElement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    children = List.copyOf(children);
  }

  /** The first child named {@code childName}. */
  public Optional<XmlElement> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  /** The text of the first child named {@code childName}, empty when it is missing or blank. */
  public String childText(String childName) {
    return child(childName).map(XmlElement::text).orElse("");
  }

  /** Every child named {@code childName}, in order. */
  public List<XmlElement> children(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }
}
