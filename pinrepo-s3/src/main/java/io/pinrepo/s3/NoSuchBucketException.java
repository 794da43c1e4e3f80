package io.pinrepo.s3;

import io.pinrepo.spi.StorageException;

/**
 * The bucket a storage names does not exist (S3's {@code NoSuchBucket}), as opposed to an object
 * missing from a bucket that does. A tool that only reads can take it to mean "no repository here";
 * a publisher cannot create the bucket for the user and reports it.
 */
public final class NoSuchBucketException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final String bucket;

  /**
   * @param bucket the bucket that does not exist
   * @param message one line naming the bucket and the operation that found it missing
   * @param cause the SDK's exception
   */
  NoSuchBucketException(String bucket, String message, Throwable cause) {
    super(message, cause);
    this.bucket = bucket;
  }

  /** The bucket that does not exist. */
  public String bucket() {
    return bucket;
  }
}
