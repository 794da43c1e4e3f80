package io.pinrepo.s3;

import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.contract.StorageContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * The storage contract against LocalStack in Docker, including the conditional deletes s3proxy
 * cannot check; every case is skipped, with a message, when no Docker engine is reachable.
 */
@ExtendWith({S3StorageLocalStackContractIT.RequiresDocker.class})
class S3StorageLocalStackContractIT extends StorageContract {

  /** Disables every case, with the reason, when no Docker engine is reachable. */
  static final class RequiresDocker implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return DockerClientFactory.instance().isDockerAvailable()
          ? ConditionEvaluationResult.enabled("a Docker engine is reachable")
          : ConditionEvaluationResult.disabled(
              "no Docker engine: the LocalStack contract run is skipped (the s3proxy run passed)");
    }
  }

  static final AtomicInteger prefixes = new AtomicInteger();

  @AfterAll
  static void stop() {
    S3StorageLocalStackIT.stop();
  }

  @Override
  protected Storage newStorage() {
    S3StorageLocalStackIT.start();
    return S3StorageLocalStackIT.builder("contract-" + prefixes.incrementAndGet())
        .listPageSize(10)
        .build();
  }

  @Override
  protected boolean supportsDirectoryKeys() {
    return true;
  }
}
