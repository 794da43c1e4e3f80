package io.pinrepo.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a serving command run until SIGTERM or SIGINT and still finish its work: the shutdown hook
 * wakes {@link #await()}, then waits (at most {@link #GRACE_SECONDS}) until {@link #close()} says
 * the command has closed its resources, so the JVM does not halt under it. Open it first in the
 * command's try-with-resources, so that it is closed last.
 */
final class ShutdownSignal implements AutoCloseable {

  /** How long the hook waits for the command to wind down. */
  static final int GRACE_SECONDS = 30;

  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);

  private ShutdownSignal() {}

  /** Registers the shutdown hook. */
  static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  signal.stopping.countDown();
                  try {
                    signal.done.await(GRACE_SECONDS, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "pinrepo-shutdown"));
    return signal;
  }

  /** Blocks until the JVM is asked to stop. */
  void await() throws InterruptedException {
    stopping.await();
  }

  /** Tells the hook that the command is done, so the JVM may halt. */
  @Override
  public void close() {
    done.countDown();
  }
}
