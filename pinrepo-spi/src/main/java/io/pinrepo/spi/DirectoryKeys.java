package io.pinrepo.spi;

/**
 * Optional power of a {@link Storage}: it holds objects under directory keys ({@link
 * ObjectKey#isDirectory()}, such as {@code simple/foo/}) beside the objects under them ({@code
 * simple/foo/index.html}), with every operation of the SPI working on both, and lists a directory
 * key just before the keys under it. Amazon S3 and most S3-compatible servers can; a filesystem
 * cannot (a path is a file or a directory), nor can MinIO (it keeps only empty directory objects).
 *
 * <p>A storage without the power refuses a directory key with {@link IllegalArgumentException} and
 * never lists one. Check with {@link #supported(Storage)}. A decorator that forwards every
 * operation to its delegate (a {@link ForwardingStorage}) holds directory keys when its delegate
 * does.
 */
public interface DirectoryKeys {

  /**
   * Whether this storage, as configured, holds directory keys; an S3 storage may be configured not
   * to, for a server that cannot.
   */
  boolean holdsDirectoryKeys();

  /** Whether {@code storage} holds directory keys. */
  static boolean supported(Storage storage) {
    return storage instanceof DirectoryKeys d && d.holdsDirectoryKeys();
  }
}
