package io.pinrepo.access;

import io.pinrepo.spi.ObjectKey;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One answered request for an object, as a serving node reports it to its {@link AccessLog}.
 *
 * @param key the object asked for
 * @param region the mirror region that answered, or empty text for a server of one repository
 *     ({@code pinrepo serve}); a region name is 1 to 63 letters, digits, {@code .}, {@code _} or
 *     {@code -}, starting with a letter or digit
 * @param status the HTTP status sent (a 302 for a redirect to a copy)
 * @param bytes what the answer delivered or pointed to: the body's length for a 200 or 206, the
 *     object's size for a redirect, 0 otherwise
 * @param time when the request was answered
 */
public record AccessRecord(ObjectKey key, String region, int status, long bytes, Instant time) {

  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** Rejects nulls, a malformed region name, a status outside 100-599 and negative bytes. */
  public AccessRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(time, "time");
    checkRegion(region);
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status out of range: " + status + " for " + key);
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("negative bytes " + bytes + " for " + key);
    }
  }

  /**
   * Returns {@code region} when it is a valid region name or empty text.
   *
   * @throws IllegalArgumentException naming the problem otherwise
   */
  public static String checkRegion(String region) {
    Objects.requireNonNull(region, "region");
    if (!region.isEmpty() && !isRegionName(region)) {
      throw new IllegalArgumentException(
          "invalid region name '"
              + region
              + "': use 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return region;
  }

  /** Whether {@code name} is a valid (non-empty) region name. */
  public static boolean isRegionName(String name) {
    return REGION.matcher(name).matches();
  }
}
