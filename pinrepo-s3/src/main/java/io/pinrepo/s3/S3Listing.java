package io.pinrepo.s3;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A lazy ListObjectsV2 walk: the next page is requested only when the current one is used up. S3
 * returns keys in ascending UTF-8 byte order. Keys that are not valid {@link ObjectKey}s ({@code
 * a//b}) are not pinrepo's objects and are skipped; so are directory keys ({@code a/b/}, folder
 * markers made by consoles among them) when the storage does not hold them.
 */
final class S3Listing implements ObjectListing {

  private final S3Client client;
  private final S3Location location;
  private final String prefix;
  private final int pageSize;
  private final boolean directoryKeys;
  private final Deque<ObjectInfo> page = new ArrayDeque<>();
  private String continuation;
  private boolean lastPage;

  S3Listing(
      S3Client client, S3Location location, String prefix, int pageSize, boolean directoryKeys) {
    this.directoryKeys = directoryKeys;
    this.client = client;
    this.location = location;
    this.prefix = prefix;
    this.pageSize = pageSize;
  }

  @Override
  public boolean hasNext() throws IOException {
    while (page.isEmpty() && !lastPage) {
      fetch();
    }
    return !page.isEmpty();
  }

  @Override
  public ObjectInfo next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no more objects under '" + prefix + "'");
    }
    return page.removeFirst();
  }

  private void fetch() throws IOException {
    ListObjectsV2Response response;
    try {
      response =
          client.listObjectsV2(
              b ->
                  b.bucket(location.bucket())
                      .prefix(location.listPrefix(prefix))
                      .maxKeys(pageSize)
                      .continuationToken(continuation));
    } catch (SdkException e) {
      throw S3Errors.translate(e, "ListObjectsV2 " + location.listPrefix(prefix) + "*", location);
    }
    for (S3Object object : response.contents()) {
      if (object.eTag() == null || object.eTag().isEmpty()) {
        // An object still being written on some S3-compatible servers (s3proxy on a filesystem
        // lists it before its ETag exists); S3 itself never lists one. Not there yet.
        continue;
      }
      keyOf(object.key())
          .ifPresent(
              key ->
                  page.add(
                      new ObjectInfo(
                          key,
                          object.size(),
                          S3Responses.token(object.eTag()),
                          object.lastModified())));
    }
    continuation = response.nextContinuationToken();
    lastPage = !Boolean.TRUE.equals(response.isTruncated()) || continuation == null;
  }

  private Optional<ObjectKey> keyOf(String s3Key) {
    try {
      ObjectKey key = ObjectKey.of(location.relative(s3Key));
      return key.isDirectory() && !directoryKeys ? Optional.empty() : Optional.of(key);
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }
}
