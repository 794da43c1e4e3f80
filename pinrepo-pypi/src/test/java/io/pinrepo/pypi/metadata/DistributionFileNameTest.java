package io.pinrepo.pypi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pinrepo.MalformedPackageException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionFileNameTest {

  @Test
  void parsesAWheelName() throws Exception {
    DistributionFileName n = DistributionFileName.parse("Foo_Bar.baz-1.0rc1-py3-none-any.whl");
    assertEquals(DistributionFileName.Kind.WHEEL, n.kind());
    assertEquals("foo-bar-baz", n.project().value());
    assertEquals("1.0rc1", n.version().toString());
    assertEquals(Optional.empty(), n.buildTag());
  }

  @Test
  void parsesAWheelWithBuildTagAndCompressedTags() throws Exception {
    DistributionFileName n =
        DistributionFileName.parse(
            "numpy-2.0.0-1b-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    assertEquals(Optional.of("1b"), n.buildTag());
    assertEquals("numpy", n.project().value());
  }

  @Test
  void parsesSdistNames() throws Exception {
    DistributionFileName tgz = DistributionFileName.parse("demo_pin-1.1.0.tar.gz");
    assertEquals(DistributionFileName.Kind.SDIST_TAR_GZ, tgz.kind());
    assertEquals("demo-pin", tgz.project().value());
    DistributionFileName zip = DistributionFileName.parse("Legacy-Name-2.0.post1.zip");
    assertEquals(DistributionFileName.Kind.SDIST_ZIP, zip.kind());
    assertEquals("legacy-name", zip.project().value());
    assertEquals("2.0.post1", zip.version().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "foo-1.0.whl",
        "foo-1.0-py3-none.whl",
        "foo-bar-1.0-py3-none-any.whl",
        "foo-1.0-x1-py3-none-any.whl",
        "foo-notaversion-py3-none-any.whl",
        "foo-1.0-py3-none-any!.whl",
        "foo-1.0.tar.bz2",
        "foo.tar.gz",
        "-1.0.tar.gz",
        "foo-1.0 .tar.gz",
        ".hidden-1.0.tar.gz",
        "../foo-1.0.tar.gz",
        "foo-1.0.exe",
      })
  void refusesNamesThatBreakTheRules(String fileName) {
    assertThrows(MalformedPackageException.class, () -> DistributionFileName.parse(fileName));
  }
}
