package io.pinrepo.pypi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"foo-bar-baz", "Foo_Bar.baz", "FOO__BAR-Baz", "foo.-_bar---baz", "fOo-BaR_bAz"})
  void everySpellingNormalisesToTheSameName(String written) {
    assertEquals("foo-bar-baz", ProjectName.of(written).value());
    assertEquals(ProjectName.of("foo-bar-baz"), ProjectName.of(written));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-foo", "foo_", "foo bar", "föö", "foo/bar", "../x", ".x"})
  void refusesInvalidNames(String written) {
    assertThrows(IllegalArgumentException.class, () -> ProjectName.of(written));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Foo", "foo_bar", "foo..bar"})
  void theRecordHoldsOnlyTheNormalForm(String written) {
    assertThrows(IllegalArgumentException.class, () -> new ProjectName(written));
  }
}
