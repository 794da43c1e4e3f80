package io.pinrepo.debian.control;

import io.pinrepo.MalformedPackageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Splits control text into paragraphs and fields, line by line. */
final class ControlReader {

  private final String source;
  private final String[] lines;
  private final List<ControlParagraph> paragraphs = new ArrayList<>();
  private final List<ControlField> fields = new ArrayList<>();
  private String name;
  private StringBuilder value;
  private int nameLine;

  ControlReader(String text, String source) {
    this.source = Objects.requireNonNull(source, "source");
    String normalised = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.lines = normalised.replace("\r\n", "\n").split("\n", -1);
  }

  List<ControlParagraph> paragraphs() throws MalformedPackageException {
    for (int i = 0; i < lines.length; i++) {
      line(i + 1, lines[i]);
    }
    endParagraph(lines.length);
    return List.copyOf(paragraphs);
  }

  private void line(int number, String line) throws MalformedPackageException {
    if (line.startsWith("#")) {
      return;
    }
    if (line.isBlank()) {
      endParagraph(number);
      return;
    }
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (name == null) {
        throw malformed(number, "continuation line without a field");
      }
      value.append('\n').append(line.stripTrailing());
      return;
    }
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw malformed(number, "expected 'Name: value'");
    }
    endField(number);
    name = line.substring(0, colon);
    value = new StringBuilder(line.substring(colon + 1).strip());
    nameLine = number;
  }

  private void endField(int number) throws MalformedPackageException {
    if (name == null) {
      return;
    }
    try {
      ControlField field = new ControlField(name, value.toString());
      for (ControlField other : fields) {
        if (other.isNamed(name)) {
          throw malformed(nameLine, "field " + name + " appears twice");
        }
      }
      fields.add(field);
    } catch (IllegalArgumentException e) {
      throw malformed(nameLine, e.getMessage());
    }
    name = null;
  }

  private void endParagraph(int number) throws MalformedPackageException {
    endField(number);
    if (!fields.isEmpty()) {
      paragraphs.add(new ControlParagraph(fields));
      fields.clear();
    }
  }

  private MalformedPackageException malformed(int line, String problem) {
    return new MalformedPackageException(source, "line " + line + ": " + problem);
  }
}
