package io.pinrepo.server;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.PresignedUrls;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** See {@link Redirects#presigned}. */
final class PresignedRedirects implements Redirects {

  private final Storage storage;
  private final PresignedUrls signer;
  private final Predicate<ObjectKey> which;
  private final Duration validity;

  PresignedRedirects(
      Storage storage, PresignedUrls signer, Predicate<ObjectKey> which, Duration validity) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.which = Objects.requireNonNull(which, "which");
    this.validity = Objects.requireNonNull(validity, "validity");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
  }

  @Override
  public Optional<Redirect> redirect(ObjectKey key) throws IOException {
    if (!which.test(key)) {
      return Optional.empty();
    }
    ObjectInfo info = storage.stat(key).orElseThrow(() -> new ObjectNotFoundException(key));
    return Optional.of(new Redirect(signer.presignGet(key, validity), info.size()));
  }
}
