package io.pinrepo.serving;

import io.pinrepo.spi.ObjectKey;
import java.util.Optional;

/**
 * Chooses how each object is served. Formats answer for the keys they own (see {@code
 * io.pinrepo.format.RepositoryFormats#servingPolicy}); {@link #UNKNOWN} answers for any key.
 * Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface ServingPolicy {

  /** Every object as {@link ServingMetadata#UNKNOWN}. */
  ServingPolicy UNKNOWN = key -> Optional.of(ServingMetadata.UNKNOWN);

  /** How {@code key} is served, or empty when this policy does not know it. */
  Optional<ServingMetadata> serving(ObjectKey key);

  /** How {@code key} is served: this policy's answer, else {@link ServingMetadata#UNKNOWN}. */
  default ServingMetadata of(ObjectKey key) {
    return serving(key).orElse(ServingMetadata.UNKNOWN);
  }

  /** This policy, falling back to {@code other} for keys it does not know. */
  default ServingPolicy orElse(ServingPolicy other) {
    return key -> {
      Optional<ServingMetadata> mine = serving(key);
      return mine.isPresent() ? mine : other.serving(key);
    };
  }
}
