package io.pinrepo.server;

import io.pinrepo.mirror.Located;
import io.pinrepo.mirror.RegionalMirror;
import io.pinrepo.spi.ObjectKey;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/** See {@link Redirects#toRegion}. */
final class RegionRedirects implements Redirects {

  private final RegionalMirror mirror;
  private final String region;

  RegionRedirects(RegionalMirror mirror, String region) {
    this.mirror = Objects.requireNonNull(mirror, "mirror");
    if (!mirror.regions().contains(region)) {
      throw new IllegalArgumentException("the mirror has no region '" + region + "'");
    }
    this.region = region;
  }

  @Override
  public Optional<Redirect> redirect(ObjectKey key) throws IOException {
    if (!mirror.mirrors(key)) {
      return Optional.empty();
    }
    Located located = mirror.locate(key, region);
    return Optional.of(new Redirect(located.url(), located.copy().size()));
  }
}
