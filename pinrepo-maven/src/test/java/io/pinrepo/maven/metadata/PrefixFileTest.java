package io.pinrepo.maven.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pinrepo.MalformedPackageException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixFileTest {

  @Test
  void dropsEntriesCoveredByAnotherAndSorts() {
    PrefixFile f = PrefixFile.of(List.of("/org/b", "/com/example/x", "/com/example", "/org/bb"));
    assertEquals(List.of("/com/example", "/org/b", "/org/bb"), f.prefixes());
    assertSame(f, f.with(PrefixFile.entryFor("com.example.deep")));
  }

  @Test
  void roundTripsWithTheMagicLine() throws Exception {
    PrefixFile f = PrefixFile.of(List.of("/io/pinrepo")).with("/com/acme");
    byte[] text = f.toBytes();
    assertEquals(
        "## repository-prefixes/2.0\n/com/acme\n/io/pinrepo\n",
        new String(text, StandardCharsets.UTF_8));
    assertEquals(f, PrefixFile.parse("p", text));
  }

  @Test
  void refusesAFileWithoutTheMagicLine() {
    assertThrows(
        MalformedPackageException.class,
        () -> PrefixFile.parse("p", "/com\n".getBytes(StandardCharsets.UTF_8)));
  }
}
