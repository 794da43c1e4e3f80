package io.pinrepo.s3;

import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.Blob;
import org.gaul.s3proxy.blobstore.domain.BlobAccess;
import org.gaul.s3proxy.blobstore.domain.BlobMetadata;
import org.gaul.s3proxy.blobstore.domain.PageSet;
import org.gaul.s3proxy.blobstore.domain.StorageMetadata;
import org.gaul.s3proxy.blobstore.options.GetOptions;
import org.gaul.s3proxy.blobstore.options.ListContainerOptions;
import org.gaul.s3proxy.blobstore.options.PutOptions;

/**
 * Gives s3proxy's directory-backed store S3's directory objects: a key ending in {@code /} (such as
 * {@code simple/foo/}) holds bytes of its own beside the keys under it. The directory store keeps
 * such a key as an empty directory, so here it is kept under {@code <key>\u0001}, a name that sorts
 * before every other key under it, and renamed back on the way out (names, listings, markers).
 * Multipart uploads and copies of directory keys are not mapped (pinrepo writes them whole).
 */
final class DirectoryObjectBlobStore extends ForwardingBlobStore {

  private static final String MARK = "\u0001";

  DirectoryObjectBlobStore(BlobStore delegate) {
    super(delegate);
  }

  private static String in(String name) {
    return name != null && name.endsWith("/") ? name + MARK : name;
  }

  private static String out(String name) {
    return name != null && name.endsWith("/" + MARK)
        ? name.substring(0, name.length() - MARK.length())
        : name;
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    String name = blob.getMetadata().name();
    return super.putBlob(
        container, name.endsWith("/") ? blob.toBuilder().name(in(name)).build() : blob, options);
  }

  @Override
  public BlobMetadata blobMetadata(String container, String name) {
    BlobMetadata m = super.blobMetadata(container, in(name));
    return m == null ? null : m.toBuilder().name(out(m.name())).build();
  }

  @Override
  public Blob getBlob(String container, String name, GetOptions options) {
    return super.getBlob(container, in(name), options);
  }

  @Override
  public boolean blobExists(String container, String name) {
    return super.blobExists(container, in(name));
  }

  @Override
  public void removeBlob(String container, String name) {
    super.removeBlob(container, in(name));
  }

  @Override
  public BlobAccess getBlobAccess(String container, String name) {
    return super.getBlobAccess(container, in(name));
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
    ListContainerOptions mapped =
        options == null || options.marker() == null
            ? options
            : options.toBuilder().afterMarker(in(options.marker())).build();
    PageSet<? extends StorageMetadata> page = super.list(container, mapped);
    List<StorageMetadata> entries = new ArrayList<>();
    for (StorageMetadata m : page.entries()) {
      if (m instanceof BlobMetadata b && b.name().endsWith("/" + MARK)) {
        entries.add(b.toBuilder().name(out(b.name())).build());
      } else if (m instanceof BlobMetadata b && b.name().endsWith("/") && b.size() == 0) {
        continue; // a bare directory of the store, not an object
      } else {
        entries.add(m);
      }
    }
    return new PageSet<>(entries, out(page.nextMarker()));
  }
}
