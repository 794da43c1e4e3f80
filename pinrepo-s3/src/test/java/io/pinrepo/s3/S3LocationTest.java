package io.pinrepo.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3LocationTest {

  @Test
  void parsesBucketAndPrefixAndRoundTrips() {
    assertEquals(new S3Location("my-bucket", ""), S3Location.parse("s3://my-bucket"));
    assertEquals(new S3Location("my-bucket", ""), S3Location.parse("s3://my-bucket/"));
    S3Location l = S3Location.parse("s3://my-bucket/team/apt/");
    assertEquals(new S3Location("my-bucket", "team/apt"), l);
    assertEquals("s3://my-bucket/team/apt", l.toString());
    assertEquals(l, S3Location.parse(l.toString()));
  }

  @Test
  void mapsKeysUnderThePrefix() {
    S3Location l = new S3Location("b-1", "a/b");
    assertEquals("a/b/dists/x", l.s3Key("dists/x"));
    assertEquals("dists/x", l.relative("a/b/dists/x"));
    assertEquals("a/b/", l.listPrefix(""));
    assertEquals("k", new S3Location("b-1", "").s3Key("k"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://bucket", "s3://", "s3://ab", "s3://Upper", "s3://b-1//x", "s3://b-1/a//b"})
  void rejectsWhatIsNotABucketUri(String uri) {
    assertThrows(IllegalArgumentException.class, () -> S3Location.parse(uri));
  }
}
