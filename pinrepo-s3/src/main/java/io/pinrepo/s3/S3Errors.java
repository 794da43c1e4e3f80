package io.pinrepo.s3;

import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where AWS SDK exceptions become pinrepo's typed {@link IOException}s. Nothing else
 * in the module inspects an AWS error.
 */
final class S3Errors {

  private static final String NO_SUCH_BUCKET = "NoSuchBucket";

  private S3Errors() {}

  /**
   * Translates {@code e}, raised by {@code operation} on {@code key}.
   *
   * <ul>
   *   <li>{@code NoSuchBucket} becomes {@link NoSuchBucketException}.
   *   <li>412 Precondition Failed, and 409 ConditionalRequestConflict (S3 answers it when a
   *       concurrent conditional write to the same key is in progress), become {@link
   *       PreconditionFailedException}: the commit protocol reads again and retries.
   *   <li>404 becomes {@link ObjectNotFoundException}, except under an {@code If-Match} condition,
   *       where a missing object simply does not match: {@link PreconditionFailedException}.
   *   <li>501 Not Implemented under a condition becomes {@link UnsupportedConditionException}: the
   *       server cannot check it.
   *   <li>anything else becomes a plain {@link IOException} naming the operation and the key.
   * </ul>
   */
  static IOException translate(
      SdkException e, String operation, S3Location location, ObjectKey key, WriteCondition cond) {
    String where =
        operation + " " + location.s3Key(key.value()) + " in bucket " + location.bucket();
    if (e.getCause() instanceof UncheckedIOException unchecked) {
      // our ContentSource failed while the SDK was reading it
      return new IOException(where + ": reading the content failed", unchecked.getCause());
    }
    if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
      InterruptedIOException interrupted = new InterruptedIOException(where + " interrupted");
      interrupted.initCause(e);
      return interrupted;
    }
    if (e instanceof AwsServiceException service) {
      int status = service.statusCode();
      String code = errorCode(service);
      boolean conditional = !(cond instanceof WriteCondition.None);
      String message = where + ": " + status + " " + code + " " + detail(service);
      if (code.equals(NO_SUCH_BUCKET)) {
        return new NoSuchBucketException(location.bucket(), message, e);
      }
      if (status == 412 || (status == 409 && (conditional || isConditionalConflict(code)))) {
        return new PreconditionFailedException(key, message, e);
      }
      if (status == 404 && (code.isEmpty() || code.equals("NoSuchKey"))) {
        return cond instanceof WriteCondition.Matches
            ? new PreconditionFailedException(key, message, e)
            : withCause(new ObjectNotFoundException(key), e);
      }
      if (status == 501 && conditional) {
        UnsupportedConditionException unsupported =
            new UnsupportedConditionException(
                message + " (the server cannot check this condition atomically)");
        unsupported.initCause(e);
        return unsupported;
      }
      return new IOException(message, e);
    }
    return new IOException(where + ": " + clientMessage(e), e);
  }

  /**
   * Translates {@code e}, raised by {@code operation} on no single key, to an {@link IOException}.
   */
  static IOException translate(SdkException e, String operation, S3Location location) {
    String where = operation + " in bucket " + location.bucket();
    if (e instanceof AwsServiceException service) {
      String message =
          where + ": " + service.statusCode() + " " + errorCode(service) + " " + detail(service);
      return errorCode(service).equals(NO_SUCH_BUCKET)
          ? new NoSuchBucketException(location.bucket(), message, e)
          : new IOException(message, e);
    }
    return new IOException(where + ": " + clientMessage(e), e);
  }

  /**
   * The SDK's own message, except where it is a page long: the credentials chain lists every
   * provider it tried; a user needs to know what to set.
   */
  static String clientMessage(SdkException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Unable to load credentials")) {
      return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or"
          + " AWS_PROFILE, or run with an instance, container or web-identity role";
    }
    return message;
  }

  /** Whether {@code e} is the HTTP status {@code status} from the server. */
  static boolean hasStatus(SdkException e, int status) {
    return e instanceof AwsServiceException service && service.statusCode() == status;
  }

  private static boolean isConditionalConflict(String code) {
    return code.equals("ConditionalRequestConflict");
  }

  private static String errorCode(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return code == null ? "" : code;
  }

  private static String detail(AwsServiceException e) {
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return message == null ? "" : message;
  }

  private static <T extends IOException> T withCause(T exception, Throwable cause) {
    exception.initCause(cause);
    return exception;
  }
}
