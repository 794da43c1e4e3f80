package io.pinrepo.debian.control;

import java.util.ArrayList;
import java.util.List;

/** Splits control text into paragraphs and fields, line by line. */
final class ControlReader {

  private final String[] lines;
  private final List<ControlParagraph> paragraphs = new ArrayList<>();
  private final List<ControlField> fields = new ArrayList<>();
  private String name;
  private StringBuilder value;
  private int nameLine;

  ControlReader(String text) {
    String normalised = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.lines = normalised.replace("\r\n", "\n").split("\n", -1);
  }

  List<ControlParagraph> paragraphs() throws MalformedControlException {
    for (int i = 0; i < lines.length; i++) {
      line(i + 1, lines[i]);
    }
    endParagraph(lines.length);
    return List.copyOf(paragraphs);
  }

  private void line(int number, String line) throws MalformedControlException {
    if (line.startsWith("#")) {
      return;
    }
    if (line.isBlank()) {
      endParagraph(number);
      return;
    }
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (name == null) {
        throw new MalformedControlException(number, "continuation line without a field");
      }
      value.append('\n').append(line.stripTrailing());
      return;
    }
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new MalformedControlException(number, "expected 'Name: value'");
    }
    endField(number);
    name = line.substring(0, colon);
    value = new StringBuilder(line.substring(colon + 1).strip());
    nameLine = number;
  }

  private void endField(int number) throws MalformedControlException {
    if (name == null) {
      return;
    }
    try {
      ControlField field = new ControlField(name, value.toString());
      for (ControlField other : fields) {
        if (other.isNamed(name)) {
          throw new MalformedControlException(nameLine, "field " + name + " appears twice");
        }
      }
      fields.add(field);
    } catch (IllegalArgumentException e) {
      throw new MalformedControlException(nameLine, e.getMessage());
    }
    name = null;
  }

  private void endParagraph(int number) throws MalformedControlException {
    endField(number);
    if (!fields.isEmpty()) {
      paragraphs.add(new ControlParagraph(fields));
      fields.clear();
    }
  }
}
