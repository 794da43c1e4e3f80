package io.pinrepo.debian.control;

import io.pinrepo.MalformedPackageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A paragraph of control fields (deb822), in the order written. Parsing keeps order and multi-line
 * values as they were, so a package's control paragraph can be copied into an index unchanged;
 * {@link #toString()} writes it back. Lookup by name ignores case; a name appears at most once.
 *
 * <p>Parsing skips comment lines (starting with {@code #}) and does not interpret values; it does
 * not check OpenPGP armour (see the publisher for {@code InRelease}).
 *
 * @param fields the fields in order
 */
public record ControlParagraph(List<ControlField> fields) {

  /** Copies the fields and rejects an empty paragraph or a repeated name. */
  public ControlParagraph {
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a control paragraph needs at least one field");
    }
    for (int i = 0; i < fields.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (fields.get(i).isNamed(fields.get(j).name())) {
          throw new IllegalArgumentException("field " + fields.get(i).name() + " appears twice");
        }
      }
    }
  }

  /**
   * Parses exactly one paragraph; blank lines before and after it are allowed.
   *
   * @param source names the text in errors, such as the file it was read from
   * @throws MalformedPackageException when the text is not one valid paragraph; its {@link
   *     MalformedPackageException#problem()} starts with {@code line <n>: }
   */
  public static ControlParagraph parse(String text, String source)
      throws MalformedPackageException {
    List<ControlParagraph> all = parseAll(text, source);
    if (all.size() != 1) {
      throw new MalformedPackageException(
          source, "line 1: expected one paragraph, found " + all.size());
    }
    return all.get(0);
  }

  /**
   * Parses every paragraph of {@code text} (paragraphs are separated by blank lines).
   *
   * @param source names the text in errors, such as the file it was read from
   * @throws MalformedPackageException when a line is neither a field, a continuation, a comment nor
   *     blank, or a field repeats within a paragraph; its {@link
   *     MalformedPackageException#problem()} starts with {@code line <n>: }
   */
  public static List<ControlParagraph> parseAll(String text, String source)
      throws MalformedPackageException {
    return new ControlReader(text, source).paragraphs();
  }

  /** Writes paragraphs separated by one blank line, each ending in {@code \n}. */
  public static String format(List<ControlParagraph> paragraphs) {
    StringBuilder sb = new StringBuilder();
    for (ControlParagraph paragraph : paragraphs) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(paragraph);
    }
    return sb.toString();
  }

  /** The field called {@code name} (ignoring case), if present. */
  public Optional<ControlField> field(String name) {
    for (ControlField f : fields) { // a loop, not a stream: called for every field of every package
      if (f.isNamed(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The value of field {@code name}, if present. */
  public Optional<String> value(String name) {
    return field(name).map(ControlField::value);
  }

  /**
   * The value of field {@code name}, trimmed of surrounding blanks.
   *
   * @throws IllegalStateException when the field is missing or empty
   */
  public String require(String name) {
    String value = value(name).map(String::strip).orElse("");
    if (value.isEmpty()) {
      throw new IllegalStateException("missing field " + name);
    }
    return value;
  }

  /** This paragraph with {@code name} set to {@code value}: in place if present, else appended. */
  public ControlParagraph with(String name, String value) {
    List<ControlField> copy = new ArrayList<>(fields);
    ControlField field = new ControlField(name, value);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).isNamed(name)) {
        copy.set(i, field);
        return new ControlParagraph(copy);
      }
    }
    copy.add(field);
    return new ControlParagraph(copy);
  }

  /** This paragraph without field {@code name}; unchanged when absent. */
  public ControlParagraph without(String name) {
    return new ControlParagraph(fields.stream().filter(f -> !f.isNamed(name)).toList());
  }

  /** The paragraph as written: one field after another, each ending in {@code \n}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    fields.forEach(sb::append);
    return sb.toString();
  }
}
