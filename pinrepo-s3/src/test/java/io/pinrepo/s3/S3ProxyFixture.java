package io.pinrepo.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.options.CreateContainerOptions;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-protocol server inside the test JVM: s3proxy over a directory, with conditional writes
 * serialised ({@link S3SemanticsBlobStore}), directory objects ({@code a/b/}, {@link
 * DirectoryObjectBlobStore}) and real signature checking ({@code AWS_V2_OR_V4}), so unsigned or
 * badly presigned requests fail as on S3 (unless {@link #allowAnonymousReads()}).
 *
 * <p>Other modules use it from pinrepo-s3's tests jar (type {@code test-jar}, with {@code
 * org.gaul:s3proxy} as a test dependency) to run a test once on S3:
 *
 * <pre>{@code
 * try (S3ProxyFixture s3 = S3ProxyFixture.start(tempDir);
 *     S3Storage storage = s3.storage("repo").build()) { ... }
 * }</pre>
 */
public final class S3ProxyFixture implements AutoCloseable {

  /** The access key the server accepts. */
  public static final String ACCESS_KEY = "pinrepo-access";

  /** The secret key the server accepts. */
  public static final String SECRET_KEY = "pinrepo-secret-key";

  /** The one bucket the server starts with, empty. */
  public static final String BUCKET = "pinrepo-test";

  private final S3Proxy proxy;
  private final S3SemanticsBlobStore blobStore;
  private final URI endpoint;

  private S3ProxyFixture(S3Proxy proxy, S3SemanticsBlobStore blobStore) {
    this.proxy = proxy;
    this.blobStore = blobStore;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /**
   * Starts a server on loopback storing under {@code dir}, with one empty bucket, {@link #BUCKET}.
   */
  public static S3ProxyFixture start(Path dir) throws Exception {
    Files.createDirectories(dir);
    S3SemanticsBlobStore store =
        new S3SemanticsBlobStore(
            new DirectoryObjectBlobStore(new FilesystemNio2BlobStore(dir.toString())));
    store.createContainer(BUCKET, CreateContainerOptions.NONE);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    return new S3ProxyFixture(proxy, store);
  }

  /**
   * Lets anyone read every object without credentials, as a bucket policy granting {@code
   * s3:GetObject} to {@code *} does on S3: {@code GET <endpoint>/<bucket>/<key>} then answers
   * without a signature, so a plain HTTP client (pip) can read the bucket's REST endpoint.
   */
  public void allowAnonymousReads() {
    blobStore.allowAnonymousReads();
  }

  /** The server's base URL, for {@code --s3-endpoint}; use path-style addressing. */
  public URI endpoint() {
    return endpoint;
  }

  BlobStore blobStore() {
    return blobStore;
  }

  /** A storage builder for {@code prefix} (may be empty) of {@link #BUCKET} on this server. */
  public S3StorageBuilder storage(String prefix) {
    return S3Storage.builder(new S3Location(BUCKET, prefix))
        .endpoint(endpoint)
        .region("us-east-1")
        .pathStyle(true)
        .credentials(ACCESS_KEY, SECRET_KEY);
  }

  /** A raw client for this server, for looking behind the storage's back; the caller closes it. */
  S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  /** Stops the server; what it stored stays in the directory. */
  @Override
  public void close() throws IOException {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IOException("stopping s3proxy", e);
    }
  }
}
