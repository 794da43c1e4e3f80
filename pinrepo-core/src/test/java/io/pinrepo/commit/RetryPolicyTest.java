package io.pinrepo.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff ceilings of a retry policy. */
class RetryPolicyTest {

  @Test
  void ceilingDoublesFromTheBaseUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(100));

    assertEquals(Duration.ofMillis(10), policy.ceiling(1));
    assertEquals(Duration.ofMillis(20), policy.ceiling(2));
    assertEquals(Duration.ofMillis(80), policy.ceiling(4));
    assertEquals(Duration.ofMillis(100), policy.ceiling(5));
    assertEquals(Duration.ofMillis(100), policy.ceiling(1000));
  }

  @Test
  void largeDelaysDoNotOverflow() {
    RetryPolicy policy = new RetryPolicy(100, Duration.ofSeconds(10), Duration.ofDays(1));
    RetryPolicy unbounded =
        new RetryPolicy(100, Duration.ofSeconds(10), Duration.ofSeconds(Long.MAX_VALUE));

    assertEquals(Duration.ofDays(1), policy.ceiling(40));
    assertEquals(Duration.ofDays(1), policy.ceiling(99));
    assertEquals(Duration.ofNanos(Long.MAX_VALUE), unbounded.ceiling(99));
  }

  @Test
  void zeroDelaysMeanNoWait() {
    assertEquals(Duration.ZERO, new RetryPolicy(3, Duration.ZERO, Duration.ZERO).ceiling(2));
  }

  @Test
  void refusesImpossibleBounds() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ofMillis(1)));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withMaxAttempts(0));
  }

  @Test
  void withMaxAttemptsKeepsTheDelays() {
    RetryPolicy policy = RetryPolicy.DEFAULT.withMaxAttempts(3);

    assertEquals(3, policy.maxAttempts());
    assertEquals(RetryPolicy.DEFAULT.baseDelay(), policy.baseDelay());
    assertEquals(RetryPolicy.DEFAULT.maxDelay(), policy.maxDelay());
  }
}
