/**
 * Storage on Amazon S3 and S3-compatible servers (MinIO, Cloudflare R2, Ceph RGW), on the AWS SDK
 * for Java v2.
 *
 * <p>Start with {@link io.pinrepo.s3.S3Storage#builder(S3Location)}. Conditional writes use S3's
 * {@code If-None-Match: *} and {@code If-Match} on PutObject and CompleteMultipartUpload, so many
 * publishers can commit to one bucket with no lock service. No AWS type appears in this package's
 * signatures except the {@code S3Client} a caller may hand in (and then keeps owning).
 */
package io.pinrepo.s3;
