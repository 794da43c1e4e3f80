package io.pinrepo.s3;

import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.contract.StorageContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract against s3proxy in this JVM (conditional writes serialised as on S3,
 * signatures checked), each test under a fresh prefix of one bucket. s3proxy 4.0.0 answers 501 to
 * DeleteObject with If-Match, which S3Storage reports as UnsupportedConditionException; the
 * conditional-delete cases run against LocalStack (S3StorageLocalStackContractIT).
 */
class S3StorageContractTest extends StorageContract {

  @TempDir static Path dir;
  static S3ProxyFixture server;
  static final AtomicInteger prefixes = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyFixture.start(dir.resolve("s3"));
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Override
  protected Storage newStorage() {
    return server.storage("contract-" + prefixes.incrementAndGet()).listPageSize(10).build();
  }

  @Override
  protected boolean supportsConditionalDeletes() {
    return false;
  }

  @Override
  protected boolean supportsPresign() {
    return true;
  }

  @Override
  protected boolean supportsDirectoryKeys() {
    return true;
  }
}
