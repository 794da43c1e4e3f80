package io.pinrepo.debian;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.Retention;
import io.pinrepo.sign.Signer;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything an {@link AptRepository} was built with, and the one object its publisher and its
 * {@link AptFormat} (verify, GC) read their settings from. It holds no storage: a format is applied
 * to whatever storage a tool hands it.
 */
record Settings(
    Optional<Signer> signer,
    Clock clock,
    Optional<String> origin,
    Optional<String> label,
    Optional<Duration> validFor,
    IndexCompression compression,
    SortedSet<String> defaultArchitectures,
    Retention retention,
    boolean replaceOnConflict,
    RetryPolicy retryPolicy,
    int maxIndexBytes,
    Duration byHashRetention,
    boolean checkData) {

  /** Copies the architectures (unmodifiable) and rejects nulls. */
  Settings {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(validFor, "validFor");
    Objects.requireNonNull(compression, "compression");
    defaultArchitectures = Collections.unmodifiableSortedSet(new TreeSet<>(defaultArchitectures));
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(byHashRetention, "byHashRetention");
  }

  /** The defaults every {@link AptRepository.Builder} starts from. */
  static Settings defaults() {
    return new Settings(
        Optional.empty(),
        Clock.systemUTC(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        IndexCompression.DEFAULT,
        new TreeSet<>(List.of("amd64")),
        Retention.keepAll(),
        false,
        RetryPolicy.DEFAULT,
        512 << 20,
        Duration.ofDays(1),
        true);
  }
}
