package io.pinrepo.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

/** What a user reads when the SDK cannot even start a request. */
class S3ErrorsTest {

  @Test
  void missingCredentialsReadAsOneActionableLine() throws IOException {
    // A real client whose credentials provider fails as the SDK's default chain does when
    // nothing is configured (the chain's text, abridged).
    S3Location location = S3Location.parse("s3://bucket/prefix");
    try (S3Client client =
        S3Client.builder()
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(
                () -> {
                  throw SdkClientException.create(
                      "Unable to load credentials from any of the providers in the chain"
                          + " AwsCredentialsProviderChain(credentialsProviders=[...]) : [...]");
                })
            .build()) {
      IOException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IOException.class,
              () -> {
                try {
                  client.headObject(b -> b.bucket("bucket").key("prefix/x"));
                } catch (SdkClientException sdk) {
                  throw S3Errors.translate(
                      sdk, "HeadObject", location, ObjectKey.of("x"), WriteCondition.none());
                }
              });
      assertTrue(
          e.getMessage()
              .startsWith("HeadObject prefix/x in bucket bucket: no AWS credentials found"),
          e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      assertEquals(1, e.getMessage().lines().count());
    }
  }
}
