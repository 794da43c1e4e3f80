package io.pinrepo.s3;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Storage contract cases that an S3 server cannot show, each disabled with its reason. */
final class ContractExceptions {

  private ContractExceptions() {}

  /**
   * {@code exactlyOneMatchingWriterWins} has each writer write the same bytes in every round. An S3
   * ETag is a hash of the content, so a writer that rewrites its bytes of an earlier round leaves
   * the token as it was, and a second writer matching it also succeeds: on Amazon S3 as on any S3
   * server. No update is lost (the second writer read those very bytes). S3's version of the case,
   * with fresh content per round, is {@code
   * S3StorageTest.ofWritersMatchingOneTokenExactlyOneWinsEachRound}.
   */
  static final class ContentHashTokens extends ByName {
    ContentHashTokens() {
      super(
          Map.of(
              "exactlyOneMatchingWriterWins",
              "S3 ETags hash the content: rewriting a round's bytes keeps the token; see"
                  + " S3StorageTest.ofWritersMatchingOneTokenExactlyOneWinsEachRound"));
    }
  }

  /**
   * s3proxy 4.0.0 answers 501 NotImplemented to DeleteObject with If-Match (S3Storage raises
   * UnsupportedConditionException, see S3StorageTest); Amazon S3 checks it, and these cases run
   * against LocalStack in S3StorageLocalStackContractIT.
   */
  static final class NoConditionalDeleteInS3Proxy extends ByName {
    private static final String WHY =
        "s3proxy 4.0.0 cannot check If-Match on DeleteObject; runs against LocalStack";

    NoConditionalDeleteInS3Proxy() {
      super(
          Map.of(
              "deleteMatchingCurrentDeletes", WHY,
              "deleteWithStaleTokenFails", WHY,
              "deleteMatchingMissingFails", WHY));
    }
  }

  abstract static class ByName implements ExecutionCondition {
    private final Map<String, String> reasons;

    ByName(Map<String, String> reasons) {
      this.reasons = reasons;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context
          .getTestMethod()
          .map(m -> reasons.get(m.getName()))
          .map(ConditionEvaluationResult::disabled)
          .orElse(ConditionEvaluationResult.enabled("the server implements this"));
    }
  }
}
