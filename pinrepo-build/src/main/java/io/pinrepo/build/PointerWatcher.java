package io.pinrepo.build;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Tells a node when a pointer moves, by polling: each poll is one {@code stat} of the pointer
 * object (a HEAD on S3; over HTTP the same would be a conditional GET with {@code If-None-Match}
 * answered {@code 304}) compared by version token with the last one seen, and only a changed token
 * costs a read. Polls are spaced by the interval with random jitter, so a fleet started together
 * spreads out.
 *
 * <h2>Cost</h2>
 *
 * Per node and hour: {@code 3600 / interval} stat requests plus one read per change. With the
 * default interval of 30 s that is 120 requests an hour, about 86,400 a month; a fleet of 1,000
 * nodes makes 120,000 an hour (on S3, HEAD is billed as a GET: about $0.05 an hour at $0.0004 per
 * 1,000). A node sees a change after half an interval on average and at most {@code interval * (1 +
 * jitter)}.
 *
 * <p>Not thread-safe: one watcher per thread. It never writes.
 */
public final class PointerWatcher {

  /** Receives what a watcher sees. */
  @FunctionalInterface
  public interface Listener {
    /** The pointer at start (if set), then each version it moves to. */
    void changed(PointerState state);
  }

  /** What waits between polls; a test may pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits about {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Pointers pointers;
  private final Storage storage;
  private final BuildName name;
  private final PointerName pointer;
  private final ObjectKey key;
  private final Duration interval;
  private final double jitter;
  private final Sleeper sleeper;
  private final Consumer<IOException> failures;
  private Optional<PointerState> last = Optional.empty();
  private Optional<String> lastToken = Optional.empty();
  private boolean started;

  private PointerWatcher(Builder b) {
    this.pointers = b.pointers;
    this.storage = b.storage;
    this.name = b.name;
    this.pointer = b.pointer;
    this.key = BuildLayout.pointer(name, pointer);
    this.interval = b.interval;
    this.jitter = b.jitter;
    this.sleeper = b.sleeper;
    this.failures = b.failures;
  }

  /** The state seen by the last poll; empty before the first or while the pointer is unset. */
  public Optional<PointerState> current() {
    return last;
  }

  /**
   * Polls once: one stat, and a read only if the pointer object changed.
   *
   * @return the new state when the pointer now names another version than the last poll saw (the
   *     first poll reports any state it finds); empty otherwise
   */
  public Optional<PointerState> poll() throws IOException {
    Optional<String> token = storage.stat(key).map(ObjectInfo::versionToken);
    if (started && token.equals(lastToken)) {
      return Optional.empty();
    }
    Optional<PointerState> now = token.isEmpty() ? Optional.empty() : pointers.read(name, pointer);
    boolean first = !started;
    started = true;
    lastToken = now.map(PointerState::versionToken);
    boolean moved =
        !now.map(PointerState::version).equals(last.map(PointerState::version)) || first;
    last = now;
    return moved ? now : Optional.empty();
  }

  /**
   * Polls until the pointer names another version than the last poll saw, waiting a jittered
   * interval between polls, and returns the new state. A failed poll goes to the builder's failure
   * handler and polling goes on.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public PointerState awaitChange() throws InterruptedException {
    while (true) {
      if (started) {
        sleeper.sleep(nextDelay());
      }
      try {
        Optional<PointerState> changed = poll();
        if (changed.isPresent()) {
          return changed.get();
        }
      } catch (IOException e) {
        started = true;
        failures.accept(e);
      }
    }
  }

  /**
   * Reports the pointer at start (once it is set) and then every version it moves to, until the
   * thread is interrupted.
   */
  public void run(Listener listener) throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      listener.changed(awaitChange());
    }
    throw new InterruptedException("stopped watching " + key);
  }

  /** The wait before the next poll: the interval, varied at random by up to the jitter. */
  public Duration nextDelay() {
    double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Duration.ofNanos((long) (interval.toNanos() * factor));
  }

  /** Settings of a {@link PointerWatcher}; from {@link Pointers#watcher}. */
  public static final class Builder {
    private final Pointers pointers;
    private final Storage storage;
    private final BuildName name;
    private final PointerName pointer;
    private Duration interval = Duration.ofSeconds(30);
    private double jitter = 0.2;
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    private Consumer<IOException> failures = e -> {};

    Builder(Pointers pointers, Storage storage, BuildName name, PointerName pointer) {
      this.pointers = pointers;
      this.storage = storage;
      this.name = Objects.requireNonNull(name, "name");
      this.pointer = Objects.requireNonNull(pointer, "pointer");
    }

    /** The mean time between polls (default 30 s). */
    public Builder interval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("the interval must be positive: " + interval);
      }
      this.interval = interval;
      return this;
    }

    /** How far each wait may stray from the interval, as a fraction in [0, 1) (default 0.2). */
    public Builder jitter(double fraction) {
      if (!(fraction >= 0 && fraction < 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1): " + fraction);
      }
      this.jitter = fraction;
      return this;
    }

    /** What waits between polls (default {@link Thread#sleep}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Receives each failed poll (default: ignored, polling goes on). */
    public Builder onFailure(Consumer<IOException> failures) {
      this.failures = Objects.requireNonNull(failures, "failures");
      return this;
    }

    /** The watcher; it has not polled yet. */
    public PointerWatcher build() {
      return new PointerWatcher(this);
    }
  }
}
