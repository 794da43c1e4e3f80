package io.pinrepo.debian.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ControlParagraphTest {

  private static final String CONTROL =
      "Package: hello\n"
          + "Version: 1:2.0-1\n"
          + "Architecture: amd64\n"
          + "Depends: libc6 (>= 2.17),\n"
          + " libfoo\n"
          + "Description: greets\n"
          + " A long description.\n"
          + " .\n"
          + " Second paragraph.\n";

  @Test
  void keepsFieldOrderAndMultiLineValuesVerbatim() throws Exception {
    ControlParagraph p = ControlParagraph.parse(CONTROL, "control");
    assertEquals(CONTROL, p.toString());
    assertEquals(
        List.of("Package", "Version", "Architecture", "Depends", "Description"),
        p.fields().stream().map(ControlField::name).toList());
    assertEquals("libc6 (>= 2.17),\n libfoo", p.value("depends").orElseThrow());
    assertEquals("greets", p.field("Description").orElseThrow().firstLine());
  }

  @Test
  void parsesParagraphsSeparatedByBlankLines() throws Exception {
    String text = CONTROL + "\n" + CONTROL.replace("hello", "world");
    List<ControlParagraph> all = ControlParagraph.parseAll("\n" + text + "\n\n", "control");
    assertEquals(2, all.size());
    assertEquals("world", all.get(1).require("Package"));
    assertEquals(text, ControlParagraph.format(all));
  }

  @Test
  void withReplacesInPlaceAndAppendsNewFields() throws Exception {
    ControlParagraph p =
        ControlParagraph.parse(CONTROL, "control").with("version", "3").with("Size", "10");
    assertEquals("version", p.fields().get(1).name());
    assertEquals("Size", p.fields().get(5).name());
    assertEquals(5, p.without("Size").fields().size());
  }

  @Test
  void namesTheLineOfAProblem() {
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> ControlParagraph.parse("Package: a\nno colon here\n", "x/control"));
    assertEquals("x/control", e.source());
    assertTrue(e.problem().startsWith("line 2: "), e.problem());
    assertEquals("x/control: " + e.problem(), e.getMessage());
    MalformedPackageException twice =
        assertThrows(
            MalformedPackageException.class,
            () -> ControlParagraph.parse("Package: a\nVersion: 1\npackage: b\n", "control"));
    assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());
    assertTrue(twice.problem().startsWith("line 3: "), twice.problem());
    assertThrows(
        MalformedPackageException.class, () -> ControlParagraph.parse(" leading\n", "control"));
  }

  @Property(tries = 200)
  void writingThenParsingGivesTheSameParagraph(@ForAll("paragraphs") ControlParagraph p)
      throws Exception {
    assertEquals(p, ControlParagraph.parse(p.toString(), "control"));
  }

  @Provide
  Arbitrary<ControlParagraph> paragraphs() {
    Arbitrary<String> names =
        Arbitraries.strings()
            .withCharRange('A', 'Z')
            .withChars("-")
            .ofMinLength(1)
            .ofMaxLength(8)
            .filter(n -> !n.startsWith("-"));
    Arbitrary<String> lines =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars(" (),.<>=")
            .ofMinLength(1)
            .ofMaxLength(12)
            .filter(s -> !s.isBlank() && s.strip().equals(s));
    Arbitrary<String> values =
        lines
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(l -> l.get(0) + l.stream().skip(1).map(x -> "\n " + x).reduce("", String::concat));
    Arbitrary<ControlField> fields =
        net.jqwik.api.Combinators.combine(names, values).as(ControlField::new);
    return fields
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .uniqueElements(f -> f.name().toLowerCase(java.util.Locale.ROOT))
        .map(ControlParagraph::new);
  }
}
