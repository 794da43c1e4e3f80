package io.pinrepo.s3;

/**
 * When the AWS SDK adds integrity checksums ({@code x-amz-checksum-*}, {@code aws-chunked} bodies)
 * to requests and validates them on responses.
 *
 * <p>Since version 2.30 the SDK does so on every request that supports it, which Amazon S3 accepts
 * but several S3-compatible servers (older MinIO and Ceph RGW releases, some gateways) reject. Pick
 * {@link #WHEN_REQUIRED} for those.
 */
public enum ChecksumMode {
  /** Only where the operation requires a checksum: the most compatible setting. */
  WHEN_REQUIRED,
  /** Wherever the operation supports one: the SDK's default, right for Amazon S3. */
  WHEN_SUPPORTED
}
