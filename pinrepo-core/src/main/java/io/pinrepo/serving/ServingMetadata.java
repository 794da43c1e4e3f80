package io.pinrepo.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one repository object is served: what the S3 backend stores with it, what {@code pinrepo
 * serve} sends, what a cache may keep. pip ignores an index page served as {@code
 * binary/octet-stream}, and a CDN must not keep an index entry point for a year.
 *
 * @param contentType the HTTP {@code Content-Type}
 * @param cachePolicy how long it may be kept
 * @param mediaTypes the media types this object satisfies in content negotiation, its own first:
 *     when a server chooses among the {@code index.*} files of a directory, it serves the one whose
 *     media types the request's {@code Accept} header ranks highest (a PyPI project page answers to
 *     {@code text/html} and {@code application/vnd.pypi.simple.v1+html})
 */
public record ServingMetadata(
    String contentType, CachePolicy cachePolicy, List<String> mediaTypes) {

  /** What an object gets when no format claims it. */
  public static final ServingMetadata UNKNOWN =
      new ServingMetadata("application/octet-stream", CachePolicy.SHORT);

  /** Rejects nulls and blank or multi-line content types. */
  public ServingMetadata {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(cachePolicy, "cachePolicy");
    if (contentType.isBlank() || contentType.contains("\n")) {
      throw new IllegalArgumentException("bad content type '" + contentType + "'");
    }
    mediaTypes = List.copyOf(mediaTypes);
    if (mediaTypes.isEmpty()) {
      throw new IllegalArgumentException("no media type for " + contentType);
    }
  }

  /** An object that satisfies only its own content type's media type. */
  public ServingMetadata(String contentType, CachePolicy cachePolicy) {
    this(contentType, cachePolicy, List.of(mediaType(contentType)));
  }

  /** This metadata, also satisfying {@code more} media types in negotiation. */
  public ServingMetadata alsoAccepting(String... more) {
    List<String> types = new ArrayList<>(mediaTypes);
    types.addAll(List.of(more));
    return new ServingMetadata(contentType, cachePolicy, types);
  }

  /** The media type of a content type: without parameters, lower case. */
  public static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /** An immutable object of {@code contentType}. */
  public static ServingMetadata immutable(String contentType) {
    return new ServingMetadata(contentType, CachePolicy.IMMUTABLE);
  }

  /** A short-lived object of {@code contentType}. */
  public static ServingMetadata shortLived(String contentType) {
    return new ServingMetadata(contentType, CachePolicy.SHORT);
  }

  /** An object of {@code contentType} that caches revalidate before every use. */
  public static ServingMetadata revalidated(String contentType) {
    return new ServingMetadata(contentType, CachePolicy.REVALIDATE);
  }

  /** The HTTP {@code Cache-Control} value. */
  public String cacheControl() {
    return cachePolicy.cacheControl();
  }

  /** Whether the object never changes once written. */
  public boolean immutable() {
    return cachePolicy == CachePolicy.IMMUTABLE;
  }
}
