package io.pinrepo.s3;

import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.DirectoryKeys;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.PresignedUrls;
import io.pinrepo.spi.ServerSideCopy;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link Storage} on an Amazon S3 bucket or an S3-compatible server, below a key prefix, on the AWS
 * SDK for Java v2 (synchronous client).
 *
 * <p>Conditions map to S3's conditional requests: {@link WriteCondition#mustBeAbsent()} sends
 * {@code If-None-Match: *}, {@link WriteCondition#matches(String)} sends {@code If-Match} with the
 * ETag, which is the version token. Both are checked by the server atomically; a 412, or a 409
 * ConditionalRequestConflict, raises {@link PreconditionFailedException}. Content of unknown length
 * or longer than the part size goes up as a multipart upload, parts in parallel with bounded
 * memory, completed with the same condition and aborted on failure, so a failed write leaves
 * nothing visible. Objects are stored with a Content-Type and Cache-Control chosen from the key
 * (short for indexes, immutable for package files).
 *
 * <p>Deleting with {@code matches} sends {@code If-Match} on DeleteObject (Amazon S3 checks it;
 * servers that cannot answer 501, raised as {@link UnsupportedConditionException}); deleting with
 * {@code mustBeAbsent} deletes nothing and only checks, with a HEAD, that the key is absent.
 *
 * <p>Also {@link PresignedUrls} (GET URLs signed with the client's credentials), {@link
 * ServerSideCopy} to any other {@code S3Storage} the destination's client can reach (across buckets
 * and regions), and {@link DirectoryKeys} unless built with {@code directoryKeys(false)}.
 * Thread-safe. It does not create buckets, set bucket policies or handle object versions.
 */
public final class S3Storage implements Storage, PresignedUrls, ServerSideCopy, DirectoryKeys {

  private final S3Location location;
  private final S3Client client;
  private final boolean ownsClient;
  private final S3Presigner presigner;
  private final ExecutorService parts;
  private final MultipartUpload multipart;
  private final int listPageSize;
  private final Clock clock;
  private final long maxSingleCopy;
  private final ServingPolicy serving;
  private final boolean directoryKeys;

  S3Storage(S3StorageBuilder settings) {
    this.directoryKeys = settings.directoryKeys;
    this.location = settings.location;
    this.ownsClient = settings.client == null;
    this.client = ownsClient ? S3Clients.build(settings) : settings.client;
    this.presigner = S3Clients.presigner(client, settings);
    AtomicInteger threads = new AtomicInteger();
    this.parts =
        Executors.newFixedThreadPool(
            settings.partsInFlight,
            r -> {
              Thread t = new Thread(r, "pinrepo-s3-part-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.clock = settings.clock;
    this.serving = settings.serving == null ? RepositoryFormats.servingPolicy() : settings.serving;
    this.multipart =
        new MultipartUpload(
            client,
            location,
            parts,
            settings.partSize,
            settings.partsInFlight,
            settings.checksumMode == ChecksumMode.WHEN_SUPPORTED,
            clock,
            serving);
    this.listPageSize = settings.listPageSize;
    this.maxSingleCopy = settings.maxSingleCopy;
  }

  /** Starts configuring a storage at {@code location}. */
  public static S3StorageBuilder builder(S3Location location) {
    return new S3StorageBuilder(location);
  }

  /** Where this storage keeps its objects. */
  public S3Location location() {
    return location;
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
    accept(key);
    try {
      HeadObjectResponse head = client.headObject(b -> b.bucket(bucket()).key(s3Key(key)));
      return Optional.of(
          new ObjectInfo(
              key, head.contentLength(), S3Responses.token(head.eTag()), head.lastModified()));
    } catch (SdkException e) {
      if (S3Errors.hasStatus(e, 404)) {
        return Optional.empty();
      }
      throw S3Errors.translate(e, "HeadObject", location, key, WriteCondition.none());
    }
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    accept(key);
    Objects.requireNonNull(range, "range");
    if (range.length() == 0) {
      return emptyRead(key);
    }
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket()).key(s3Key(key));
    if (!range.isAll()) {
      long last = range.offset() + range.length() - 1;
      boolean toEnd = range.length() == Long.MAX_VALUE || last < range.offset();
      request.range("bytes=" + range.offset() + "-" + (toEnd ? "" : Long.toString(last)));
    }
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = client.getObject(request.build());
    } catch (SdkException e) {
      if (S3Errors.hasStatus(e, 416)) {
        return emptyRead(key); // the range starts at or past the end
      }
      throw S3Errors.translate(e, "GetObject", location, key, WriteCondition.none());
    }
    GetObjectResponse response = in.response();
    ObjectInfo info =
        new ObjectInfo(
            key,
            S3Responses.totalSize(response.contentRange(), response.contentLength()),
            S3Responses.token(response.eTag()),
            response.lastModified());
    return new ObjectStream(new AbortingStream(in), info);
  }

  private ObjectStream emptyRead(ObjectKey key) throws IOException {
    ObjectInfo info = stat(key).orElseThrow(() -> new ObjectNotFoundException(key));
    return new ObjectStream(InputStream.nullInputStream(), info);
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    accept(key);
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(condition, "condition");
    OptionalLong size = content.size();
    int partSize = multipart.partSizeFor(size);
    if (size.isPresent() && size.getAsLong() <= partSize) {
      try (ReopeningBody body = new ReopeningBody(content)) {
        return put(
            key,
            RequestBody.fromContentProvider(body, size.getAsLong(), serving.of(key).contentType()),
            condition);
      }
    }
    try (InputStream in = content.open()) {
      byte[] first = MultipartUpload.readPart(in, partSize);
      if (first.length < partSize) {
        return put(key, RequestBody.fromBytes(first), condition);
      }
      return multipart.upload(key, first, in, partSize, condition);
    }
  }

  private ObjectInfo put(ObjectKey key, RequestBody body, WriteCondition condition)
      throws IOException {
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(bucket())
            .key(s3Key(key))
            .contentLength(body.optionalContentLength().orElseThrow())
            .contentType(serving.of(key).contentType())
            .cacheControl(serving.of(key).cacheControl());
    if (condition instanceof WriteCondition.MustBeAbsent) {
      request.ifNoneMatch("*");
    } else if (condition instanceof WriteCondition.Matches m) {
      request.ifMatch(S3Responses.quoted(m.versionToken()));
    }
    try {
      PutObjectResponse response = client.putObject(request.build(), body);
      return new ObjectInfo(
          key,
          body.optionalContentLength().orElseThrow(),
          S3Responses.token(response.eTag()),
          S3Responses.date(response.sdkHttpResponse(), clock));
    } catch (SdkException e) {
      throw S3Errors.translate(e, "PutObject", location, key, condition);
    } catch (UncheckedIOException e) { // from ReopeningBody
      throw new IOException(
          "PutObject " + s3Key(key) + ": reading the content failed", e.getCause());
    }
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    accept(key);
    Objects.requireNonNull(condition, "condition");
    if (condition instanceof WriteCondition.MustBeAbsent) {
      if (stat(key).isPresent()) {
        throw new PreconditionFailedException(key, condition);
      }
      return;
    }
    DeleteObjectRequest.Builder request =
        DeleteObjectRequest.builder().bucket(bucket()).key(s3Key(key));
    if (condition instanceof WriteCondition.Matches m) {
      request.ifMatch(S3Responses.quoted(m.versionToken()));
    }
    try {
      client.deleteObject(request.build());
    } catch (SdkException e) {
      throw S3Errors.translate(e, "DeleteObject", location, key, condition);
    }
  }

  @Override
  public ObjectListing list(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return new S3Listing(client, location, prefix, listPageSize, directoryKeys);
  }

  @Override
  public URI presignGet(ObjectKey key, Duration validity) throws IOException {
    accept(key);
    if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("validity must be in (0, 7 days]: " + validity);
    }
    try {
      return presigner
          .presignGetObject(
              p ->
                  p.signatureDuration(validity)
                      .getObjectRequest(g -> g.bucket(bucket()).key(s3Key(key))))
          .url()
          .toURI();
    } catch (SdkException e) {
      throw S3Errors.translate(e, "presign GetObject", location, key, WriteCondition.none());
    } catch (URISyntaxException e) {
      throw new IOException("presigned URL for " + key + " is not a URI", e);
    }
  }

  @Override
  public ObjectInfo copy(
      ObjectKey source, Storage destination, ObjectKey target, WriteCondition condition)
      throws IOException {
    if (!canCopyTo(destination)) {
      throw new IllegalArgumentException("cannot copy server-side to " + destination);
    }
    ObjectInfo from = stat(source).orElseThrow(() -> new ObjectNotFoundException(source));
    S3Storage to = (S3Storage) destination;
    to.accept(target);
    if (from.size() == 0 && !(condition instanceof WriteCondition.None)) {
      // UploadPartCopy cannot copy an empty range; an empty object has no bytes to move anyway
      return to.write(target, ContentSource.ofBytes(new byte[0]), condition);
    }
    return new S3Copy(to.client, to.location, to.clock, to.maxSingleCopy, to.serving)
        .copy(location, from, target, condition);
  }

  @Override
  public boolean canCopyTo(Storage destination) {
    return destination instanceof S3Storage;
  }

  /**
   * Stops the part upload threads and, unless the client was handed in, closes the client. Uploads
   * in progress fail.
   */
  @Override
  public void close() {
    parts.shutdown(); // queued parts still run (and fail fast on the closed client)
    presigner.close();
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "S3Storage[" + location + "]";
  }

  /** As configured: true unless built with {@code directoryKeys(false)}. */
  @Override
  public boolean holdsDirectoryKeys() {
    return directoryKeys;
  }

  /** Rejects a null key, and a directory key when this storage does not hold them. */
  private void accept(ObjectKey key) {
    Objects.requireNonNull(key, "key");
    if (key.isDirectory() && !directoryKeys) {
      throw new IllegalArgumentException(
          "key "
              + key
              + " is a directory key, and this storage was built with directoryKeys(false)");
    }
  }

  private String bucket() {
    return location.bucket();
  }

  private String s3Key(ObjectKey key) {
    return location.s3Key(key.value());
  }
}
