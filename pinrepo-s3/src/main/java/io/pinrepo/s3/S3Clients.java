package io.pinrepo.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the {@link S3Client} an {@link S3Storage} owns, from its builder's settings. */
final class S3Clients {

  private S3Clients() {}

  static S3Client build(S3StorageBuilder settings) {
    boolean whenRequired = settings.checksumMode == ChecksumMode.WHEN_REQUIRED;
    S3ClientBuilder builder =
        S3Client.builder()
            .region(region(settings))
            .credentialsProvider(credentials(settings))
            .forcePathStyle(settings.pathStyle)
            .requestChecksumCalculation(
                whenRequired
                    ? RequestChecksumCalculation.WHEN_REQUIRED
                    : RequestChecksumCalculation.WHEN_SUPPORTED)
            .responseChecksumValidation(
                whenRequired
                    ? ResponseChecksumValidation.WHEN_REQUIRED
                    : ResponseChecksumValidation.WHEN_SUPPORTED)
            .overrideConfiguration(
                o ->
                    o.retryStrategy(r -> r.maxAttempts(settings.maxAttempts))
                        .apiCallAttemptTimeout(settings.attemptTimeout));
    if (settings.endpoint != null) {
      builder.endpointOverride(settings.endpoint);
    } else if (settings.region == null) {
      // the region may be a guess: let the SDK follow S3's redirects to the bucket's region
      builder.crossRegionAccessEnabled(true);
    }
    return builder.build();
  }

  /**
   * A presigner that signs as {@code client} does: same region, credentials and endpoint; the
   * builder's path-style setting (a client does not reveal its own).
   */
  static S3Presigner presigner(S3Client client, S3StorageBuilder settings) {
    S3ServiceClientConfiguration config = client.serviceClientConfiguration();
    S3Presigner.Builder builder =
        S3Presigner.builder()
            .s3Client(client)
            .region(config.region())
            .credentialsProvider(config.credentialsProvider())
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle).build());
    config.endpointOverride().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static Region region(S3StorageBuilder settings) {
    if (settings.region != null) {
      return Region.of(settings.region);
    }
    if (settings.endpoint != null) {
      return Region.US_EAST_1; // what S3-compatible servers expect unless told otherwise
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException noRegionConfigured) {
      return Region.US_EAST_1;
    }
  }

  private static AwsCredentialsProvider credentials(S3StorageBuilder settings) {
    if (settings.accessKeyId != null) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.accessKeyId, settings.secretAccessKey));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
