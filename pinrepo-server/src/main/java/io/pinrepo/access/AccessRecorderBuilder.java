package io.pinrepo.access;

import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Configures an {@link AccessRecorder}; from {@link AccessRecorder#builder(Storage)}. Not
 * thread-safe.
 */
public final class AccessRecorderBuilder {

  /** The default period: an hour. */
  public static final Duration DEFAULT_PERIOD = Duration.ofHours(1);

  private static final Pattern NODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  final Storage storage;
  String node = defaultNode();
  Duration period = DEFAULT_PERIOD;
  Clock clock = Clock.systemUTC();
  Consumer<IOException> onFailure = e -> {};
  boolean flushOnTimer = true;

  AccessRecorderBuilder(Storage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  /**
   * The node's name in the keys it writes: 1 to 64 letters, digits, {@code _} or {@code -}. Give
   * every serving node its own; by default the host name and the process id.
   */
  public AccessRecorderBuilder node(String node) {
    Objects.requireNonNull(node, "node");
    if (!NODE.matcher(node).matches()) {
      throw new IllegalArgumentException(
          "invalid node name '" + node + "': use 1 to 64 letters, digits, '_' or '-'");
    }
    this.node = node;
    return this;
  }

  /**
   * How long each object's period is, between a second and a day; periods are aligned to the epoch.
   * Default {@link #DEFAULT_PERIOD}.
   */
  public AccessRecorderBuilder period(Duration period) {
    Objects.requireNonNull(period, "period");
    if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("period must be between 1s and 1 day: " + period);
    }
    this.period = period;
    return this;
  }

  /** The clock that decides which periods have ended; default UTC system clock. */
  public AccessRecorderBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Hears each failed write (the sums are kept and written by a later flush); called on the
   * flushing thread. By default failures are only retried.
   */
  public AccessRecorderBuilder onFailure(Consumer<IOException> onFailure) {
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    return this;
  }

  /**
   * Whether a timer thread writes each period once it has ended (default true); without it only
   * {@link AccessRecorder#flushEnded()}, {@link AccessRecorder#flush()} and {@link
   * AccessRecorder#close()} write.
   */
  public AccessRecorderBuilder flushOnTimer(boolean flushOnTimer) {
    this.flushOnTimer = flushOnTimer;
    return this;
  }

  /** Makes the recorder; with the timer on, its thread starts now. */
  public AccessRecorder build() {
    return new AccessRecorder(this);
  }

  private static String defaultNode() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    String clean = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    String pid = Long.toString(ProcessHandle.current().pid());
    int room = 64 - pid.length() - 1;
    return (clean.isEmpty() ? "node" : clean.substring(0, Math.min(clean.length(), room)))
        + "-"
        + pid;
  }
}
