package io.pinrepo.s3;

import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.serving.ServingPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Settings for an {@link S3Storage}; obtain one from {@link S3Storage#builder(S3Location)}.
 *
 * <p>Either the storage builds its own client from the connection settings here (region, endpoint,
 * path-style, credentials, checksum mode, retries, timeouts) and closes it on {@link
 * S3Storage#close()}, or the caller hands in an {@code S3Client} with {@link #client(S3Client)},
 * keeps owning it, and the connection settings are ignored. Not thread-safe.
 */
public final class S3StorageBuilder {

  /** The smallest part S3 accepts (except the last). */
  public static final int MIN_PART_SIZE = 5 << 20;

  final S3Location location;
  String region;
  URI endpoint;
  boolean pathStyle;
  String accessKeyId;
  String secretAccessKey;
  ChecksumMode checksumMode = ChecksumMode.WHEN_SUPPORTED;
  int maxAttempts = 4;
  Duration attemptTimeout = Duration.ofMinutes(5);
  int partSize = 8 << 20;
  int partsInFlight = 4;
  int listPageSize = 1000;
  boolean directoryKeys = true;
  S3Client client;
  Clock clock = Clock.systemUTC();
  ServingPolicy serving;
  long maxSingleCopy = S3Copy.MAX_SINGLE_COPY; // lowered by tests to exercise UploadPartCopy

  S3StorageBuilder(S3Location location) {
    this.location = Objects.requireNonNull(location, "location");
  }

  /**
   * The AWS region, such as {@code eu-west-1}. Without it the SDK's default region chain decides
   * ({@code AWS_REGION}, profile), falling back to {@code us-east-1} (with cross-region access on
   * Amazon S3, so any bucket is reached).
   */
  public S3StorageBuilder region(String region) {
    this.region = requireText(region, "region");
    return this;
  }

  /** The endpoint of an S3-compatible server, such as {@code http://localhost:9000}. */
  public S3StorageBuilder endpoint(URI endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /**
   * Whether to address the bucket in the path ({@code http://host/bucket/key}) rather than the host
   * name; most self-hosted servers need it. Also applies to presigned URLs made with a client
   * handed in.
   */
  public S3StorageBuilder pathStyle(boolean pathStyle) {
    this.pathStyle = pathStyle;
    return this;
  }

  /**
   * Static credentials instead of the SDK's default chain (environment, system properties, web
   * identity, profile, container and instance roles).
   */
  public S3StorageBuilder credentials(String accessKeyId, String secretAccessKey) {
    this.accessKeyId = requireText(accessKeyId, "accessKeyId");
    this.secretAccessKey = requireText(secretAccessKey, "secretAccessKey");
    return this;
  }

  /**
   * When the SDK computes and validates integrity checksums; {@link ChecksumMode#WHEN_SUPPORTED} by
   * default. Also tells the storage whether to ask for CRC32 part checksums in multipart uploads,
   * so set it to match a client handed in with {@link #client(S3Client)}.
   */
  public S3StorageBuilder checksumMode(ChecksumMode mode) {
    this.checksumMode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** How many times the SDK tries a request that failed transiently; 4 by default. */
  public S3StorageBuilder maxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    return this;
  }

  /** How long one HTTP attempt may take before it is abandoned; five minutes by default. */
  public S3StorageBuilder attemptTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("attemptTimeout must be positive: " + timeout);
    }
    this.attemptTimeout = timeout;
    return this;
  }

  /**
   * The size of multipart upload parts and the threshold above which uploads use multipart; 8 MiB
   * by default, at least {@link #MIN_PART_SIZE}. Grown automatically for known sizes beyond 10,000
   * parts; content of unknown length is limited to 10,000 parts (78 GiB at 8 MiB). Memory held by
   * one upload is at most {@code partSize * partsInFlight}.
   */
  public S3StorageBuilder partSize(int bytes) {
    if (bytes < MIN_PART_SIZE) {
      throw new IllegalArgumentException("partSize must be at least 5 MiB: " + bytes);
    }
    this.partSize = bytes;
    return this;
  }

  /** How many parts of one upload are sent at once; 4 by default. */
  public S3StorageBuilder partsInFlight(int parts) {
    if (parts < 1 || parts > 64) {
      throw new IllegalArgumentException("partsInFlight must be in 1..64: " + parts);
    }
    this.partsInFlight = parts;
    return this;
  }

  /** How many keys one ListObjectsV2 page asks for; 1,000 (the S3 maximum) by default. */
  public S3StorageBuilder listPageSize(int keys) {
    if (keys < 1 || keys > 1000) {
      throw new IllegalArgumentException("listPageSize must be in 1..1000: " + keys);
    }
    this.listPageSize = keys;
    return this;
  }

  /**
   * Whether the storage holds {@link io.pinrepo.spi.DirectoryKeys directory keys} ({@code a/b/}):
   * true by default, as Amazon S3, Ceph RGW and Cloudflare R2 do; false for MinIO, which keeps only
   * empty directory objects. When false, the storage refuses directory keys and leaves them out of
   * listings (console folder markers, for one).
   */
  public S3StorageBuilder directoryKeys(boolean holds) {
    this.directoryKeys = holds;
    return this;
  }

  /**
   * A client the caller built and keeps owning: the storage uses it and never closes it. Region,
   * endpoint, credentials, retries and timeouts set here are then ignored (presigned URLs follow
   * the client's region, endpoint and credentials, and {@link #pathStyle}).
   */
  public S3StorageBuilder client(S3Client client) {
    this.client = Objects.requireNonNull(client, "client");
    return this;
  }

  /** The clock for times the server does not report; the system clock by default. */
  public S3StorageBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How each object's {@code Content-Type} and {@code Cache-Control} are chosen when it is written
   * (S3 serves them back as stored). By default every installed format answers for its own keys
   * ({@link RepositoryFormats#servingPolicy()}).
   */
  public S3StorageBuilder serving(ServingPolicy policy) {
    this.serving = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** Builds the storage; it creates its own client unless one was handed in. */
  public S3Storage build() {
    return new S3Storage(this);
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }
}
