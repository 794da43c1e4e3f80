package io.pinrepo.s3;

import io.pinrepo.parallel.Parallel;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads one object as an S3 multipart upload: parts are read from the stream one at a time into
 * buffers of the part size and sent on the storage's part threads, at most {@code partsInFlight} at
 * once, so one upload holds at most {@code partSize * partsInFlight} bytes whatever the object's
 * length. The upload is completed with the write's condition ({@code If-None-Match} or {@code
 * If-Match} on CompleteMultipartUpload), and aborted if anything fails, so no part stays billed and
 * nothing becomes visible.
 */
final class MultipartUpload {

  /** S3 allows at most this many parts. */
  static final int MAX_PARTS = 10_000;

  private final S3Client client;
  private final S3Location location;
  private final ExecutorService executor;
  private final int partSize;
  private final int partsInFlight;
  private final boolean checksums;
  private final Clock clock;
  private final ServingPolicy serving;

  MultipartUpload(
      S3Client client,
      S3Location location,
      ExecutorService executor,
      int partSize,
      int partsInFlight,
      boolean checksums,
      Clock clock,
      ServingPolicy serving) {
    this.client = client;
    this.location = location;
    this.executor = executor;
    this.partSize = partSize;
    this.partsInFlight = partsInFlight;
    this.checksums = checksums;
    this.clock = clock;
    this.serving = serving;
  }

  /** The part size for content of {@code size}: the configured one, grown to fit 10,000 parts. */
  int partSizeFor(OptionalLong size) {
    if (size.isEmpty()) {
      return partSize;
    }
    long needed = (size.getAsLong() + MAX_PARTS - 1) / MAX_PARTS;
    long mib = 1 << 20;
    long rounded = (needed + mib - 1) / mib * mib;
    return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(partSize, rounded));
  }

  /**
   * Uploads {@code first} (a full part) and the rest of {@code in} as {@code key}, then completes
   * under {@code condition}. Does not close {@code in}.
   */
  ObjectInfo upload(ObjectKey key, byte[] first, InputStream in, int size, WriteCondition condition)
      throws IOException {
    String s3Key = location.s3Key(key.value());
    ServingMetadata headers = serving.of(key);
    CreateMultipartUploadRequest.Builder create =
        CreateMultipartUploadRequest.builder()
            .bucket(location.bucket())
            .key(s3Key)
            .contentType(headers.contentType())
            .cacheControl(headers.cacheControl());
    if (checksums) {
      create.checksumAlgorithm(ChecksumAlgorithm.CRC32);
    }
    String uploadId;
    try {
      uploadId = client.createMultipartUpload(create.build()).uploadId();
    } catch (SdkException e) {
      throw S3Errors.translate(e, "CreateMultipartUpload", location, key, condition);
    }
    try {
      Parts parts = sendParts(key, s3Key, uploadId, first, in, size);
      return complete(key, s3Key, uploadId, parts, condition);
    } catch (IOException | RuntimeException | Error e) {
      abort(key, s3Key, uploadId, e);
      throw e;
    }
  }

  private record Parts(List<CompletedPart> completed, long bytes) {}

  private Parts sendParts(
      ObjectKey key, String s3Key, String uploadId, byte[] first, InputStream in, int size)
      throws IOException {
    Semaphore inFlight = new Semaphore(partsInFlight);
    List<CompletableFuture<CompletedPart>> sent = new ArrayList<>();
    long bytes = 0;
    byte[] buffer = first;
    try {
      for (int number = 1; buffer.length > 0; number++) {
        if (number > MAX_PARTS) {
          throw new IOException(
              key + ": content exceeds " + MAX_PARTS + " parts of " + size + " bytes");
        }
        bytes += buffer.length;
        sent.add(sendPart(key, s3Key, uploadId, number, buffer, inFlight));
        failFast(sent);
        inFlight.acquire(); // a permit for the next buffer: bounds memory
        buffer = readPart(in, size);
        inFlight.release();
      }
      List<CompletedPart> completed = new ArrayList<>();
      for (CompletableFuture<CompletedPart> part : sent) {
        completed.add(part.get());
      }
      completed.sort(Comparator.comparing(CompletedPart::partNumber));
      return new Parts(completed, bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("multipart upload of " + key + " interrupted");
    } catch (ExecutionException e) {
      throw Parallel.failure(e.getCause(), "multipart upload of " + key);
    } finally {
      settle(sent);
    }
  }

  /**
   * Waits until no part is in flight, so that an abort that follows cannot race a part upload still
   * running (S3 would keep, and bill, a part that lands after the abort).
   */
  private static void settle(List<CompletableFuture<CompletedPart>> sent) {
    boolean interrupted = false;
    for (CompletableFuture<CompletedPart> part : sent) {
      while (!part.isDone()) {
        try {
          part.handle((done, failed) -> null).get();
        } catch (InterruptedException e) {
          interrupted = true; // the SDK's attempt timeout bounds the wait
        } catch (ExecutionException impossible) {
          throw new IllegalStateException(impossible);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private CompletableFuture<CompletedPart> sendPart(
      ObjectKey key, String s3Key, String uploadId, int number, byte[] data, Semaphore inFlight)
      throws InterruptedException {
    inFlight.acquire();
    try {
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              UploadPartResponse response =
                  client.uploadPart(
                      b -> {
                        b.bucket(location.bucket())
                            .key(s3Key)
                            .uploadId(uploadId)
                            .partNumber(number)
                            .contentLength((long) data.length);
                        if (checksums) {
                          b.checksumAlgorithm(ChecksumAlgorithm.CRC32);
                        }
                      },
                      RequestBody.fromContentProvider(
                          () -> new ByteArrayInputStream(data),
                          data.length,
                          "binary/octet-stream"));
              return CompletedPart.builder()
                  .partNumber(number)
                  .eTag(response.eTag())
                  .checksumCRC32(response.checksumCRC32())
                  .build();
            } catch (SdkException e) {
              throw new CompletionException(
                  S3Errors.translate(
                      e, "UploadPart " + number, location, key, WriteCondition.none()));
            } finally {
              inFlight.release();
            }
          },
          executor);
    } catch (RuntimeException e) {
      inFlight.release(); // the executor refused the task
      throw e;
    }
  }

  /** Reads up to {@code size} bytes into one array of exactly the length read. */
  static byte[] readPart(InputStream in, int size) throws IOException {
    byte[] buffer = new byte[size];
    int n = in.readNBytes(buffer, 0, size);
    return n == size ? buffer : Arrays.copyOf(buffer, n);
  }

  private static void failFast(List<CompletableFuture<CompletedPart>> sent)
      throws ExecutionException, InterruptedException {
    for (CompletableFuture<CompletedPart> part : sent) {
      if (part.isCompletedExceptionally()) {
        part.get();
      }
    }
  }

  private ObjectInfo complete(
      ObjectKey key, String s3Key, String uploadId, Parts parts, WriteCondition condition)
      throws IOException {
    CompleteMultipartUploadRequest.Builder request =
        CompleteMultipartUploadRequest.builder()
            .bucket(location.bucket())
            .key(s3Key)
            .uploadId(uploadId)
            .multipartUpload(m -> m.parts(parts.completed()));
    if (condition instanceof WriteCondition.MustBeAbsent) {
      request.ifNoneMatch("*");
    } else if (condition instanceof WriteCondition.Matches m) {
      request.ifMatch(S3Responses.quoted(m.versionToken()));
    }
    try {
      CompleteMultipartUploadResponse response = client.completeMultipartUpload(request.build());
      return new ObjectInfo(
          key,
          parts.bytes(),
          S3Responses.token(response.eTag()),
          S3Responses.date(response.sdkHttpResponse(), clock));
    } catch (SdkException e) {
      throw S3Errors.translate(e, "CompleteMultipartUpload", location, key, condition);
    }
  }

  private void abort(ObjectKey key, String s3Key, String uploadId, Throwable failure) {
    try {
      client.abortMultipartUpload(b -> b.bucket(location.bucket()).key(s3Key).uploadId(uploadId));
    } catch (SdkException e) {
      failure.addSuppressed(
          S3Errors.translate(e, "AbortMultipartUpload", location, key, WriteCondition.none()));
    }
  }
}
