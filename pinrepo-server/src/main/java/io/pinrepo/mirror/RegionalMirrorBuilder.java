package io.pinrepo.mirror;

import io.pinrepo.access.AccessRecord;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.spi.Storage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures a {@link RegionalMirror}; from {@link RegionalMirror#builder(Storage)}. Not
 * thread-safe.
 */
public final class RegionalMirrorBuilder {

  /** The default lease duration: 30 seconds (renewed every 10). */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  /** The default bound on waiting for another's copy: 5 minutes. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(5);

  /** The default validity of presigned URLs: 15 minutes. */
  public static final Duration DEFAULT_URL_VALIDITY = Duration.ofMinutes(15);

  /** The default least time between two marks of the origin's indexes: 1 minute. */
  public static final Duration DEFAULT_DIGEST_REFRESH = Duration.ofMinutes(1);

  final Storage origin;
  final Map<String, Region> regions = new LinkedHashMap<>();
  List<RepositoryFormat> formats;
  Duration lease = DEFAULT_LEASE;
  Duration maxWait = DEFAULT_MAX_WAIT;
  Duration urlValidity = DEFAULT_URL_VALIDITY;
  Duration digestRefresh = DEFAULT_DIGEST_REFRESH;
  boolean serverSideCopy = true;
  Clock clock = Clock.systemUTC();
  MirrorListener listener = MirrorListener.NONE;

  RegionalMirrorBuilder(Storage origin) {
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  /**
   * Adds a region whose copies live in {@code storage}, reached by presigned URLs (the storage must
   * implement {@link io.pinrepo.spi.PresignedUrls}, as S3 does).
   *
   * @throws IllegalArgumentException for a malformed or repeated name, or a storage that cannot
   *     presign
   */
  public RegionalMirrorBuilder region(String name, Storage storage) {
    return add(new Region(checkName(name), storage, Optional.empty()));
  }

  /**
   * Adds a region whose copies live in {@code storage} and are reached at {@code publicBase} plus
   * the key (a static host or CDN in front of it); a missing trailing {@code /} is added.
   *
   * @throws IllegalArgumentException for a malformed or repeated name, or a base URL that is not
   *     http(s) without query
   */
  public RegionalMirrorBuilder region(String name, Storage storage, URI publicBase) {
    String base = publicBase.toString();
    URI normalized = URI.create(base.endsWith("/") ? base : base + "/");
    return add(new Region(checkName(name), storage, Optional.of(normalized)));
  }

  /**
   * The formats whose serving policy says what is mirrored (immutable objects) and whose live
   * objects give the digests copies are verified against; default {@link
   * RepositoryFormats#installed()}.
   */
  public RegionalMirrorBuilder formats(List<? extends RepositoryFormat> formats) {
    this.formats = List.copyOf(formats);
    return this;
  }

  /**
   * How long a lease on a copy lasts without renewal; its holder renews it every third of that, and
   * waiters take over a lease that was not renewed for that long. Default {@link #DEFAULT_LEASE}.
   */
  public RegionalMirrorBuilder leaseDuration(Duration lease) {
    this.lease = positive(lease, "lease");
    return this;
  }

  /**
   * How long a request waits for another's copy before failing; default {@link #DEFAULT_MAX_WAIT}.
   */
  public RegionalMirrorBuilder maxWait(Duration maxWait) {
    this.maxWait = positive(maxWait, "maxWait");
    return this;
  }

  /** How long presigned URLs are valid; default {@link #DEFAULT_URL_VALIDITY}. */
  public RegionalMirrorBuilder urlValidity(Duration urlValidity) {
    this.urlValidity = positive(urlValidity, "urlValidity");
    return this;
  }

  /**
   * The least time between two marks of the origin's indexes (see {@link RegionalMirror}); default
   * {@link #DEFAULT_DIGEST_REFRESH}. Zero marks whenever a copy needs a key the last mark did not
   * know.
   */
  public RegionalMirrorBuilder digestRefresh(Duration digestRefresh) {
    Objects.requireNonNull(digestRefresh, "digestRefresh");
    if (digestRefresh.isNegative()) {
      throw new IllegalArgumentException("digestRefresh must not be negative: " + digestRefresh);
    }
    this.digestRefresh = digestRefresh;
    return this;
  }

  /**
   * Whether copies go server-side when the origin can copy into the region ({@link
   * io.pinrepo.spi.ServerSideCopy}) and the index gives the digest; default true. Off, every copy
   * streams through this process. A server-side copy costs a copy into a temporary key, a read of
   * it and a copy to the key: worth it between S3 buckets, where the bytes then never pass through
   * this process, but not between directories, whose "server-side" copy is a local byte copy
   * (measured: a third of the streamed throughput).
   */
  public RegionalMirrorBuilder serverSideCopy(boolean serverSideCopy) {
    this.serverSideCopy = serverSideCopy;
    return this;
  }

  /** The clock that dates leases and judges a lease left long ago; default UTC system clock. */
  public RegionalMirrorBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Who hears of copies, failures and take-overs; default {@link MirrorListener#NONE}. */
  public RegionalMirrorBuilder listener(MirrorListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Makes the mirror; it starts one daemon thread that renews leases. Nothing is read yet.
   *
   * @throws IllegalStateException without a region
   */
  public RegionalMirror build() {
    if (regions.isEmpty()) {
      throw new IllegalStateException("a mirror needs at least one region");
    }
    return new RegionalMirror(this);
  }

  private RegionalMirrorBuilder add(Region region) {
    if (regions.putIfAbsent(region.name(), region) != null) {
      throw new IllegalArgumentException("region " + region.name() + " given twice");
    }
    return this;
  }

  private static String checkName(String name) {
    if (!AccessRecord.isRegionName(AccessRecord.checkRegion(name))) {
      throw new IllegalArgumentException("a region needs a name");
    }
    return name;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }
}
