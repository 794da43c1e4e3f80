package io.pinrepo.debian;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedSet;

/** Everything an {@link AptRepository} was built with. */
record Settings(
    Storage storage,
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
    Duration byHashRetention) {}
