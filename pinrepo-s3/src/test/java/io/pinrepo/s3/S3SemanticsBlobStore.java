package io.pinrepo.s3;

import java.nio.file.FileSystemException;
import java.util.List;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.HttpResponse;
import org.gaul.s3proxy.blobstore.HttpResponseException;
import org.gaul.s3proxy.blobstore.domain.Blob;
import org.gaul.s3proxy.blobstore.domain.BlobAccess;
import org.gaul.s3proxy.blobstore.domain.BlobMetadata;
import org.gaul.s3proxy.blobstore.domain.ContainerAccess;
import org.gaul.s3proxy.blobstore.domain.MultipartPart;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.gaul.s3proxy.blobstore.options.GetOptions;
import org.gaul.s3proxy.blobstore.options.PutOptions;

/**
 * Gives s3proxy's directory-backed store two behaviours of S3 that pinrepo relies on.
 *
 * <p>Keys form a flat namespace: reading {@code a/b} when {@code a} is an object is "not found" on
 * S3, not the 500 that the directory store's "Not a directory" error becomes.
 *
 * <p>Conditional writes are atomic. *
 *
 * <p>s3proxy 4.0.0 checks {@code If-Match} with a HEAD and then writes unconditionally, so two
 * publishers racing on the same ETag can both succeed: a lost update real S3 refuses. Here the
 * check and the write of every put and multipart completion happen under one lock, and a failed
 * check answers 412. Only then can concurrency tests trust the server.
 *
 * <p>Anonymous reads, once {@linkplain #allowAnonymousReads() allowed}, are what a bucket policy
 * granting {@code s3:GetObject} to everyone gives on S3 (s3proxy has no bucket policies; it asks
 * the store whether a blob is public-read).
 */
final class S3SemanticsBlobStore extends ForwardingBlobStore {

  private final Object lock = new Object();
  private volatile boolean anonymousReads;

  S3SemanticsBlobStore(BlobStore delegate) {
    super(delegate);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    String name = blob.getMetadata().name();
    synchronized (lock) {
      check(container, name, options);
      return super.putBlob(container, blob, options);
    }
  }

  @Override
  public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
    synchronized (lock) {
      check(upload.containerName(), upload.blobName(), upload.putOptions());
      return super.completeMultipartUpload(upload, parts);
    }
  }

  /** From now on every object may be read without credentials. */
  void allowAnonymousReads() {
    anonymousReads = true;
  }

  @Override
  public BlobAccess getBlobAccess(String container, String name) {
    return anonymousReads ? BlobAccess.PUBLIC_READ : super.getBlobAccess(container, name);
  }

  @Override
  public ContainerAccess getContainerAccess(String container) {
    return anonymousReads ? ContainerAccess.PUBLIC_READ : super.getContainerAccess(container);
  }

  @Override
  public void removeBlob(String container, String name) {
    synchronized (lock) {
      super.removeBlob(container, name);
    }
  }

  @Override
  public BlobMetadata blobMetadata(String container, String name) {
    try {
      return super.blobMetadata(container, name);
    } catch (Exception e) {
      if (belowAFile(e)) {
        return null; // the BlobStore interface's "no such blob"
      }
      throw e;
    }
  }

  @Override
  public Blob getBlob(String container, String name, GetOptions options) {
    try {
      return super.getBlob(container, name, options);
    } catch (Exception e) {
      if (belowAFile(e)) {
        return null;
      }
      throw e;
    }
  }

  private static boolean belowAFile(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException fs
          && String.valueOf(fs.getReason()).contains("Not a directory")) {
        return true;
      }
    }
    return false;
  }

  private void check(String container, String name, PutOptions options) {
    if (options == null || (options.ifMatch() == null && options.ifNoneMatch() == null)) {
      return;
    }
    BlobMetadata current = delegate().blobMetadata(container, name);
    if ("*".equals(options.ifNoneMatch()) && current != null) {
      throw new HttpResponseException(new HttpResponse(412));
    }
    if (options.ifMatch() != null
        && (current == null || !unquote(options.ifMatch()).equals(unquote(current.eTag())))) {
      throw new HttpResponseException(new HttpResponse(412));
    }
  }

  private static String unquote(String eTag) {
    return eTag == null ? "" : eTag.replace("\"", "");
  }
}
