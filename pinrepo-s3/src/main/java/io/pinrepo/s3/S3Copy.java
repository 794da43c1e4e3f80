package io.pinrepo.s3;

import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/**
 * A server-side copy into one {@link S3Storage}, issued with the destination's client so that it
 * works across buckets and regions. The source version is pinned with {@code
 * x-amz-copy-source-if-match}.
 *
 * <p>An unconditional copy up to 5 GiB is one CopyObject. A conditional copy, or one beyond 5 GiB,
 * is a multipart upload of UploadPartCopy parts completed with {@code If-None-Match}/{@code
 * If-Match}: S3-compatible servers check conditions on CompleteMultipartUpload, while some (s3proxy
 * 4.0.0) silently ignore them on CopyObject, which would turn a compare-and-swap into an overwrite.
 */
final class S3Copy {

  /** The largest object a single CopyObject can copy. */
  static final long MAX_SINGLE_COPY = 5L << 30;

  private static final long COPY_PART_SIZE = 1L << 30;

  private final S3Client client;
  private final S3Location target;
  private final Clock clock;
  private final long maxSingleCopy;
  private final ServingPolicy serving;

  S3Copy(
      S3Client client, S3Location target, Clock clock, long maxSingleCopy, ServingPolicy serving) {
    this.client = client;
    this.target = target;
    this.clock = clock;
    this.maxSingleCopy = maxSingleCopy;
    this.serving = serving;
  }

  ObjectInfo copy(S3Location source, ObjectInfo from, ObjectKey to, WriteCondition condition)
      throws IOException {
    return from.size() <= maxSingleCopy && condition instanceof WriteCondition.None
        ? copySingle(source, from, to)
        : copyParts(source, from, to, condition);
  }

  private ObjectInfo copySingle(S3Location source, ObjectInfo from, ObjectKey to)
      throws IOException {
    CopyObjectRequest.Builder request =
        CopyObjectRequest.builder()
            .sourceBucket(source.bucket())
            .sourceKey(source.s3Key(from.key().value()))
            .copySourceIfMatch(S3Responses.quoted(from.versionToken()))
            .destinationBucket(target.bucket())
            .destinationKey(target.s3Key(to.value()))
            .metadataDirective(MetadataDirective.REPLACE)
            .contentType(serving.of(to).contentType())
            .cacheControl(serving.of(to).cacheControl());
    try {
      var response = client.copyObject(request.build());
      return new ObjectInfo(
          to,
          from.size(),
          S3Responses.token(response.copyObjectResult().eTag()),
          response.copyObjectResult().lastModified() != null
              ? response.copyObjectResult().lastModified()
              : S3Responses.date(response.sdkHttpResponse(), clock));
    } catch (SdkException e) {
      throw S3Errors.translate(
          e, "CopyObject from " + from.key() + " to", target, to, WriteCondition.none());
    }
  }

  private ObjectInfo copyParts(
      S3Location source, ObjectInfo from, ObjectKey to, WriteCondition condition)
      throws IOException {
    String key = target.s3Key(to.value());
    String uploadId;
    try {
      uploadId =
          client
              .createMultipartUpload(
                  b ->
                      b.bucket(target.bucket())
                          .key(key)
                          .contentType(serving.of(to).contentType())
                          .cacheControl(serving.of(to).cacheControl()))
              .uploadId();
    } catch (SdkException e) {
      throw S3Errors.translate(e, "CreateMultipartUpload", target, to, condition);
    }
    try {
      List<CompletedPart> parts = new ArrayList<>();
      for (long offset = 0; offset < from.size(); offset += COPY_PART_SIZE) {
        int number = parts.size() + 1;
        String range =
            "bytes=" + offset + "-" + (Math.min(offset + COPY_PART_SIZE, from.size()) - 1);
        var result =
            client
                .uploadPartCopy(
                    b ->
                        b.sourceBucket(source.bucket())
                            .sourceKey(source.s3Key(from.key().value()))
                            .copySourceIfMatch(S3Responses.quoted(from.versionToken()))
                            .copySourceRange(range)
                            .destinationBucket(target.bucket())
                            .destinationKey(key)
                            .uploadId(uploadId)
                            .partNumber(number))
                .copyPartResult();
        parts.add(CompletedPart.builder().partNumber(number).eTag(result.eTag()).build());
      }
      CompleteMultipartUploadRequest.Builder complete =
          CompleteMultipartUploadRequest.builder()
              .bucket(target.bucket())
              .key(key)
              .uploadId(uploadId)
              .multipartUpload(m -> m.parts(parts));
      if (condition instanceof WriteCondition.MustBeAbsent) {
        complete.ifNoneMatch("*");
      } else if (condition instanceof WriteCondition.Matches m) {
        complete.ifMatch(S3Responses.quoted(m.versionToken()));
      }
      var response = client.completeMultipartUpload(complete.build());
      return new ObjectInfo(
          to,
          from.size(),
          S3Responses.token(response.eTag()),
          S3Responses.date(response.sdkHttpResponse(), clock));
    } catch (SdkException e) {
      IOException failure =
          S3Errors.translate(e, "UploadPartCopy from " + from.key() + " to", target, to, condition);
      try {
        client.abortMultipartUpload(b -> b.bucket(target.bucket()).key(key).uploadId(uploadId));
      } catch (SdkException abortFailed) {
        failure.addSuppressed(abortFailed);
      }
      throw failure;
    }
  }
}
